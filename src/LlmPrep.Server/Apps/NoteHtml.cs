using LlmPrep.Core.Corpus;
using LlmPrep.Server.Tools;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace LlmPrep.Server.Apps;

/// <summary>
/// Renders a note to HTML for the note reader: raw HTML in the markdown is escaped (notes can come from a
/// person's own vault), headings get the note's section anchors as ids, and the quiz section is left out so
/// reading a note does not give its cards away.
/// </summary>
internal static class NoteHtml
{
    private const string QuizHeading = "Quiz";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseMathematics()
        .UseAutoLinks()
        .UseListExtras()
        .UseTaskLists()
        .DisableHtml()
        .Build();

    public static NoteView Render(CorpusSnapshot corpus, Note note, string? anchor)
    {
        var section = anchor is null ? null : note.FindSection(anchor);
        var sections = note.Sections.Where(s => s.Depth >= 2).ToList();
        var document = Markdown.Parse(section?.Markdown ?? note.Body, Pipeline);
        var headings = document.Descendants<HeadingBlock>().ToList();

        // Headings come in the same order as the parsed sections, so the ids are the anchors read_note and search use.
        var offset = section is null ? 0 : sections.FindIndex(s => s.Anchor == section.Anchor);
        var ownHeadings = section is null ? headings.Where(h => h.Level >= 2).ToList() : headings;
        var toc = new List<NoteHeading>();
        var inQuiz = false;
        for (var i = 0; i < ownHeadings.Count && offset + i < sections.Count; i++)
        {
            var s = sections[offset + i];
            if (s.Depth != ownHeadings[i].Level)
            {
                break;
            }

            ownHeadings[i].GetAttributes().Id = s.Anchor;
            inQuiz |= IsQuiz(s);
            if (s.Depth is 2 or 3 && !inQuiz)
            {
                toc.Add(new NoteHeading(s.Anchor, s.Heading, s.Depth));
            }
        }

        CutQuiz(document, sections);
        if (section is null && headings.FirstOrDefault(h => h.Level == 1) is { } title)
        {
            document.Remove(title);
        }

        var related = note.Links
            .Select(l => corpus.FindById(l.Target))
            .OfType<Note>()
            .DistinctBy(n => n.Id)
            .Select(n => new RelatedNote(n.Id, n.Title, NoteUri.For(n)))
            .ToList();

        return new NoteView(
            NoteUri.For(note, section?.Anchor),
            note.Id,
            note.Title,
            section?.Heading ?? note.Title,
            note.Section,
            SectionNames.Display(note.Section),
            note.Level.ToText(),
            note.Priority.ToText(),
            note.Minutes,
            note.Summary,
            note.Cards.Count,
            document.ToHtml(Pipeline),
            toc,
            related);
    }

    private static bool IsQuiz(NoteSection section) =>
        section.Depth == 2 && section.Heading.Equals(QuizHeading, StringComparison.OrdinalIgnoreCase);

    /// <summary>Drops the '## Quiz' heading and every block after it (it is the note's last '##' section).</summary>
    private static void CutQuiz(MarkdownDocument document, IReadOnlyList<NoteSection> sections)
    {
        var quiz = sections.FirstOrDefault(IsQuiz);
        var start = quiz is null
            ? -1
            : document.FindIndex(b => b is HeadingBlock { Level: 2 } h && h.GetAttributes().Id == quiz.Anchor);
        while (start >= 0 && document.Count > start)
        {
            document.RemoveAt(document.Count - 1);
        }
    }

    private static int FindIndex(this MarkdownDocument document, Func<Block, bool> match)
    {
        for (var i = 0; i < document.Count; i++)
        {
            if (match(document[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
