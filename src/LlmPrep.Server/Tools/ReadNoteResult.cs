namespace LlmPrep.Server.Tools;

/// <summary>A page of a note, or of one section of it.</summary>
/// <param name="Uri">The URI that was read (with its #anchor when a section was read).</param>
/// <param name="NoteId">The note's id.</param>
/// <param name="Title">The note's title.</param>
/// <param name="Heading">The section heading, or the title when the whole note was read.</param>
/// <param name="Section">The note's section folder.</param>
/// <param name="Level">beginner, intermediate, advanced or expert.</param>
/// <param name="Priority">must, good or nice.</param>
/// <param name="Minutes">Study time for the whole note.</param>
/// <param name="Summary">One sentence on what the note teaches.</param>
/// <param name="Text">The markdown of this page.</param>
/// <param name="Offset">Character offset of this page.</param>
/// <param name="NextOffset">Offset of the next page; null on the last page.</param>
/// <param name="TotalChars">Length of the whole note or section.</param>
/// <param name="Outline">The note's headings with their anchors (for reading one section at a time).</param>
/// <param name="Related">Ids of the notes this note links to.</param>
public sealed record ReadNoteResult(
    string Uri,
    string NoteId,
    string Title,
    string Heading,
    string Section,
    string Level,
    string Priority,
    int Minutes,
    string Summary,
    string Text,
    int Offset,
    int? NextOffset,
    int TotalChars,
    IReadOnlyList<NoteHeading> Outline,
    IReadOnlyList<string> Related);

/// <summary>One heading of a note.</summary>
public sealed record NoteHeading(string Anchor, string Heading, int Depth);
