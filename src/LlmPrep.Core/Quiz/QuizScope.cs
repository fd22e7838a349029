using LlmPrep.Core.Corpus;
using LlmPrep.Core.Topics;

namespace LlmPrep.Core.Quiz;

/// <summary>Which cards a quiz draws from: a free-text topic, a section, a level and a priority (all optional).</summary>
public sealed record QuizScope(string? Topic = null, string? Section = null, string? Level = null, string? Priority = null)
{
    public static QuizScope All { get; } = new();

    /// <summary>The notes in scope: those a topic names best first (see <see cref="TopicResolver"/>), else in study order.</summary>
    /// <exception cref="QuizException">A filter names nothing in the corpus.</exception>
    public IReadOnlyList<Note> Select(CorpusSnapshot corpus)
    {
        // A topic ranks the notes it names from path order; otherwise the notes are taken in study order as they are
        // held (a filter keeps that order), so no scope sorts or copies every note of a large vault.
        var topic = Topic is { Length: > 0 };
        IEnumerable<Note> notes = topic ? corpus.Notes : corpus.NotesInStudyOrder;
        if (Section is { Length: > 0 })
        {
            var section = corpus.ResolveSection(Section)
                ?? throw new QuizException($"section '{Section}' does not exist; sections are: {string.Join(", ", corpus.Sections)}");
            notes = notes.Where(n => n.Section == section);
        }

        if (Level is { Length: > 0 })
        {
            if (!CorpusEnums.TryParseLevel(Level, out var level))
            {
                throw new QuizException($"level '{Level}' is not one of {string.Join(", ", CorpusEnums.LevelNames)}");
            }

            notes = notes.Where(n => n.Level == level);
        }

        if (Priority is { Length: > 0 })
        {
            if (!CorpusEnums.TryParsePriority(Priority, out var priority))
            {
                throw new QuizException($"priority '{Priority}' is not one of {string.Join(", ", CorpusEnums.PriorityNames)}");
            }

            notes = notes.Where(n => n.Priority == priority);
        }

        if (topic)
        {
            var named = Topic!.Trim();
            if (named.Length > 200)
            {
                throw new QuizException($"the topic is {named.Length} characters long; name it in a few words (at most 200 characters)");
            }

            var matched = TopicResolver.For(corpus).Resolve(named, notes);
            if (matched.Count == 0)
            {
                throw new QuizException($"no notes match the topic '{named}'. {Suggestions(corpus)}");
            }

            return [.. matched.Select(m => m.Note)];
        }

        return ReferenceEquals(notes, corpus.NotesInStudyOrder) ? corpus.NotesInStudyOrder : [.. notes];
    }

    private static string Suggestions(CorpusSnapshot corpus)
    {
        var tags = corpus.Notes.SelectMany(n => n.Tags).GroupBy(t => t).OrderByDescending(g => g.Count()).Take(12).Select(g => g.Key);
        return $"Try a section ({string.Join(", ", corpus.Sections)}), a note id, or a tag such as {string.Join(", ", tags)}.";
    }
}
