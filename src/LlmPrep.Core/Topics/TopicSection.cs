namespace LlmPrep.Core.Topics;

/// <summary>One section of a topic listing: its totals always, and the notes that fall on this page.</summary>
/// <param name="Section">The section folder, e.g. <c>03-rag-and-embeddings</c>.</param>
/// <param name="Title">Its display name.</param>
/// <param name="NoteCount">How many notes the section has (within the filters), on this page or not.</param>
/// <param name="Minutes">Study minutes of those notes.</param>
/// <param name="Cards">Quiz cards of those notes.</param>
/// <param name="Notes">The section's notes on this page (empty when they fall on another page).</param>
public sealed record TopicSection(string Section, string Title, int NoteCount, int Minutes, int Cards, IReadOnlyList<TopicNote> Notes);
