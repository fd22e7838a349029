using LlmPrep.Core.Corpus;
using LlmPrep.Server.Tools;

namespace LlmPrep.Server.Apps;

/// <summary>A note (or one section of it) rendered to HTML for the note reader.</summary>
/// <param name="Uri">The URI that was rendered (with its #anchor when one section was).</param>
/// <param name="NoteId">The note's id.</param>
/// <param name="Title">The note's title.</param>
/// <param name="Heading">The section heading, or the title for the whole note.</param>
/// <param name="Section">The note's section folder.</param>
/// <param name="SectionTitle">The section's display name.</param>
/// <param name="Level">beginner, intermediate, advanced or expert.</param>
/// <param name="Priority">must, good or nice.</param>
/// <param name="Minutes">Study time for the whole note.</param>
/// <param name="Summary">One sentence on what the note teaches.</param>
/// <param name="CardCount">Quiz cards the note has (their answers are left out of the HTML).</param>
/// <param name="Html">The rendered body: raw HTML in the markdown is escaped, headings carry their anchors as ids.</param>
/// <param name="Toc">The headings of the rendered part, with the anchors their ids use.</param>
/// <param name="Related">Notes this note links to.</param>
public sealed record NoteView(
    string Uri,
    string NoteId,
    string Title,
    string Heading,
    string Section,
    string SectionTitle,
    string Level,
    string Priority,
    int Minutes,
    string Summary,
    int CardCount,
    string Html,
    IReadOnlyList<NoteHeading> Toc,
    IReadOnlyList<RelatedNote> Related);

/// <summary>A note linked from another.</summary>
public sealed record RelatedNote(string NoteId, string Title, string Uri);
