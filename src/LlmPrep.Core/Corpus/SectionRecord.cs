namespace LlmPrep.Core.Corpus;

/// <summary>
/// What a <see cref="NoteSection"/> holds apart from its note's body, as a value kept in one array a note. The few
/// anchors that are not their heading's slug, and the title section's lead text, are kept by the table instead.
/// </summary>
internal readonly record struct SectionRecord(string Heading, int Depth, int Line, TextRange Markdown, TextRange Own);
