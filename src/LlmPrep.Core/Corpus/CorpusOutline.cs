namespace LlmPrep.Core.Corpus;

/// <summary>The corpus as a table of contents: sections in study order, their notes, minutes and card counts.</summary>
public sealed record CorpusOutline(IReadOnlyList<OutlineSection> Sections, int TotalNotes, int TotalCards, int TotalMinutes)
{
    public static CorpusOutline Build(CorpusSnapshot corpus, Func<Note, bool>? include = null)
    {
        var sections = corpus.Notes
            .Where(include ?? (_ => true))
            .GroupBy(n => n.Section)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OutlineSection(
                g.Key,
                SectionNames.Display(g.Key),
                g.Select(n => new OutlineNote(n.Id, n.Title, NoteUri.For(n), n.Level.ToText(), n.Priority.ToText(), n.Minutes, n.Cards.Count, n.Summary)).ToList(),
                g.Sum(n => n.Minutes),
                g.Sum(n => n.Cards.Count)))
            .ToList();
        return new CorpusOutline(sections, sections.Sum(s => s.Notes.Count), sections.Sum(s => s.Cards), sections.Sum(s => s.Minutes));
    }

    /// <summary>The outline as markdown, for the <c>llmprep://outline</c> resource and the terminal.</summary>
    public string ToMarkdown()
    {
        var builder = new System.Text.StringBuilder();
        builder.AppendLine("# LlmPrep corpus outline").AppendLine();
        builder.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"{TotalNotes} notes, {TotalCards} quiz cards, about {TotalMinutes / 60.0:0.#} hours of study.").AppendLine();
        foreach (var section in Sections)
        {
            builder.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"## {section.Title} (`{section.Section}`, {section.Minutes} min, {section.Cards} cards)").AppendLine();
            foreach (var note in section.Notes)
            {
                builder.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                    $"- [{note.Title}]({note.Uri}) — {note.Priority}, {note.Level}, {note.Minutes} min, {note.Cards} cards. {note.Summary}");
            }

            builder.AppendLine();
        }

        return builder.ToString();
    }
}

/// <summary>One section folder of the outline.</summary>
public sealed record OutlineSection(string Section, string Title, IReadOnlyList<OutlineNote> Notes, int Minutes, int Cards);

/// <summary>One note of the outline.</summary>
public sealed record OutlineNote(string Id, string Title, string Uri, string Level, string Priority, int Minutes, int Cards, string Summary);
