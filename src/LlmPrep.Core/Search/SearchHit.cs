namespace LlmPrep.Core.Search;

/// <summary>One ranked section that matched a search.</summary>
/// <param name="Uri">The section's URI: <c>llmprep://notes/{path}#anchor</c> (no anchor for a note's lead).</param>
/// <param name="NoteUri">The whole note's URI.</param>
/// <param name="NoteId">The note's id.</param>
/// <param name="Title">The note's title.</param>
/// <param name="Heading">The section heading (the note title for the lead).</param>
/// <param name="Anchor">The section anchor ("" for the note's lead).</param>
/// <param name="Section">The note's section folder.</param>
/// <param name="Level">The note's level.</param>
/// <param name="Priority">The note's priority.</param>
/// <param name="Snippet">Matching text with the matched terms marked as <c>**term**</c>.</param>
/// <param name="Score">Relevance, higher is better (negated bm25).</param>
public sealed record SearchHit(
    string Uri,
    string NoteUri,
    string NoteId,
    string Title,
    string Heading,
    string Anchor,
    string Section,
    string Level,
    string Priority,
    string Snippet,
    double Score);
