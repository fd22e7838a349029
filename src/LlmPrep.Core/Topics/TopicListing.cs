using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Topics;

/// <summary>
/// Builds <see cref="TopicList"/> pages: every section's totals always (so the shape of the corpus is visible at
/// once), then notes in study order until the token budget is spent; <c>offset</c> pages through the rest.
/// </summary>
public static class TopicListing
{
    public const int DefaultMaxTokens = 2_000;
    public const int MinTokens = 50;
    public const string Compact = "compact";
    public const string Full = "full";

    /// <param name="corpus">The loaded corpus.</param>
    /// <param name="include">Which notes to list (the filters); null for all.</param>
    /// <param name="detail"><see cref="Compact"/> or <see cref="Full"/>.</param>
    /// <param name="offset">Notes to skip: the previous page's next offset.</param>
    /// <param name="maxTokens">Approximate budget for the whole page; at least one note is always listed.</param>
    /// <exception cref="TopicListException">A parameter is out of range; the message says which and why.</exception>
    public static TopicList Build(CorpusSnapshot corpus, Func<Note, bool>? include, string detail = Compact, int offset = 0, int maxTokens = DefaultMaxTokens)
    {
        var full = detail.Trim().ToLowerInvariant() switch
        {
            Compact or "" => false,
            Full => true,
            _ => throw new TopicListException($"detail '{detail}' is not one of {Compact}, {Full}"),
        };
        if (maxTokens < MinTokens)
        {
            throw new TopicListException($"max_tokens must be at least {MinTokens}; got {maxTokens}");
        }

        var groups = corpus.Notes
            .Where(include ?? (_ => true))
            .GroupBy(n => n.Section)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        var total = groups.Sum(g => g.Count);
        if (offset < 0 || offset > total)
        {
            throw new TopicListException($"offset must be between 0 and {total} (the number of notes listed); got {offset}");
        }

        var problems = ProblemReport.Summarize(corpus.Problems);
        var tokens = EstimateTokens(problems) + groups.Sum(g => (g[0].Section.Length * 2) + 60) / 4;
        var index = 0;
        var listed = 0;
        var truncated = false;
        var sections = new List<TopicSection>(groups.Count);
        foreach (var notes in groups)
        {
            var page = new List<TopicNote>();
            foreach (var note in notes)
            {
                if (index++ < offset || truncated)
                {
                    continue;
                }

                var item = ToItem(note, full);
                var cost = EstimateTokens(item);
                if (listed > 0 && tokens + cost > maxTokens)
                {
                    truncated = true;
                    continue;
                }

                tokens += cost;
                listed++;
                page.Add(item);
            }

            sections.Add(new TopicSection(
                notes[0].Section, SectionNames.Display(notes[0].Section), notes.Count, notes.Sum(n => n.Minutes), notes.Sum(n => n.Cards.Count), page));
        }

        var next = offset + listed;
        return new TopicList(
            full ? Full : Compact,
            sections,
            total,
            groups.Sum(g => g.Sum(n => n.Cards.Count)),
            groups.Sum(g => g.Sum(n => n.Minutes)),
            offset,
            next < total ? next : null,
            truncated,
            problems);
    }

    private static TopicNote ToItem(Note note, bool full) =>
        new(note.Id, note.Title, note.Level.ToText(), note.Priority.ToText(), note.Minutes, note.Cards.Count)
        {
            Uri = full ? NoteUri.For(note) : null,
            Summary = full ? note.Summary : null,
        };

    /// <summary>Rough tokens of a note as a client receives it (4 characters a token, plus the JSON around the values).</summary>
    private static int EstimateTokens(TopicNote note) =>
        (note.Id.Length + note.Title.Length + (note.Uri?.Length ?? 0) + (note.Summary?.Length ?? 0) + 90) / 4;

    private static int EstimateTokens(ProblemSummary problems) =>
        (problems.First.Sum(p => p.Where.Length + p.Message.Length + 40) + 120) / 4;
}
