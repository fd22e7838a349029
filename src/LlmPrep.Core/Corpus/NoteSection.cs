namespace LlmPrep.Core.Corpus;

/// <summary>
/// A heading of a note and the markdown under it (up to the next heading of the same or a higher level).
/// The note's own title (level 1) is the section with an empty anchor and covers the lead text.
/// </summary>
/// <param name="Anchor">Stable slug of the heading, unique within the note ("" for the title).</param>
/// <param name="Heading">The heading text.</param>
/// <param name="Depth">Heading level: 1 for the title, 2 for <c>##</c>, and so on.</param>
/// <param name="Line">1-based line of the heading in the file.</param>
/// <param name="Markdown">The section's markdown, including its heading and nested sub-sections.</param>
/// <param name="OwnText">The section's text without nested sub-sections (what the index stores for it).</param>
public sealed record NoteSection(string Anchor, string Heading, int Depth, int Line, string Markdown, string OwnText);
