using LlmPrep.Core.Completion;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Core.Topics;

/// <summary>
/// What a topic someone typed ("lora", "kv cache", "rag evaluation", "03", "lora-qlora") means in the corpus, ranked:
/// notes whose id, title or aliases name it; then notes tagged with it or in the section it names; then notes with a
/// section about it; then notes whose names hold every word of it. Glossary and study-plan notes list every acronym
/// as an alias, so they count only when asked for by id, title, tag or section, or when nothing else matches.
/// Every surface that takes a topic (the quiz, the prompts, the completions) asks this one class.
/// </summary>
public sealed class TopicResolver
{
    public const string StudyPlanTag = "study-plan";

    private static readonly SnapshotCache<TopicResolver> Cache = new(static c => new TopicResolver(c));

    private readonly CorpusSnapshot _corpus;

    private TopicResolver(CorpusSnapshot corpus)
    {
        _corpus = corpus;
        Names = [
            .. corpus.Sections,
            .. corpus.Sections.Select(CorpusVocabulary.ShortSectionName),
            .. corpus.Notes.SelectMany(n => n.Tags).GroupBy(t => t, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).Select(g => g.Key),
            .. corpus.Notes.Where(n => !IsReference(n)).Select(n => n.Id),
            .. corpus.Notes.Where(n => !IsReference(n)).Select(n => n.Title),
            .. corpus.Notes.Where(n => !IsReference(n)).SelectMany(n => n.Aliases),
            .. corpus.Notes.Where(IsReference).SelectMany(n => n.Aliases.Prepend(n.Title).Prepend(n.Id)),
        ];
    }

    public static TopicResolver For(CorpusSnapshot corpus) => Cache.For(corpus);

    /// <summary>Every name a topic can be given: sections and their short names, tags (most used first), note ids, titles and aliases.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Glossary and study-plan notes: they mention every topic, so they teach none in particular.</summary>
    public static bool IsReference(Note note) =>
        note.Id == CorpusSnapshot.StudyPlanId
        || note.Tags.Any(t => t.Equals(CorpusVocabulary.GlossaryTag, StringComparison.OrdinalIgnoreCase) || t.Equals(StudyPlanTag, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The notes (of <paramref name="within"/>, default all) the topic names, best first; equally good ones in study order.
    /// A note's exact id means that note alone. Empty when nothing matches.
    /// </summary>
    public IReadOnlyList<TopicMatch> Resolve(string topic, IEnumerable<Note>? within = null)
    {
        var notes = (within ?? _corpus.Notes).ToList();
        topic = topic.Trim();
        if (topic.Length == 0)
        {
            return [];
        }

        if (notes.FirstOrDefault(n => n.Id.Equals(topic, StringComparison.OrdinalIgnoreCase)) is { } exact)
        {
            return [new TopicMatch(exact, TopicMatchKind.Id)];
        }

        var folded = FuzzyText.Fold(topic);
        var words = TextTerms.Of(topic);
        var section = _corpus.ResolveSection(topic);
        var names = Expansions(folded).Prepend(folded).ToList();
        var matches = notes
            .Select(n => Match(n, folded, names, words, section))
            .OfType<TopicMatch>()
            .ToList();
        if (matches.Count == 0 && words.Count > 0)
        {
            matches = [.. notes.Where(IsReference).Where(n => Mentions(n, folded, words)).Select(n => new TopicMatch(n, TopicMatchKind.Reference))];
        }

        return [.. matches.OrderBy(m => m.Kind).ThenBy(m => _corpus.StudyOrder.GetValueOrDefault(m.Note.Id, int.MaxValue))];
    }

    /// <summary>What an acronym topic stands for, from the aliases of the notes that list it ("sft": "supervised fine tuning").</summary>
    private IEnumerable<string> Expansions(string folded) =>
        _corpus.Notes
            .SelectMany(n => n.Aliases.Where(a => FuzzyText.Fold(a) == folded).SelectMany(acronym => n.Aliases.Append(n.Title).Where(p => AcronymDefinitions.Stands(acronym, p))))
            .Select(FuzzyText.Fold)
            .Distinct(StringComparer.Ordinal);

    private static TopicMatch? Match(Note note, string folded, List<string> names, HashSet<string> words, string? section)
    {
        if (FuzzyText.Fold(note.Id) == folded)
        {
            return new TopicMatch(note, TopicMatchKind.Id);
        }

        if (FuzzyText.Fold(note.Title) == folded)
        {
            return new TopicMatch(note, TopicMatchKind.Title);
        }

        var byName = note.Tags.Any(t => FuzzyText.Fold(t) == folded) ? new TopicMatch(note, TopicMatchKind.Tag)
            : section is not null && note.Section == section ? new TopicMatch(note, TopicMatchKind.Section)
            : null;
        if (IsReference(note))
        {
            // Asked for by name only: the glossary's aliases are every acronym in the corpus.
            return byName;
        }

        if (note.Aliases.Any(a => FuzzyText.Fold(a) == folded))
        {
            var id = $"{FuzzyText.Fold(note.Id)} ";
            var title = $" {FuzzyText.Fold(note.Title)} ";
            var kind = names.Any(n => id.StartsWith($"{n} ", StringComparison.Ordinal) || title.StartsWith($" {n} ", StringComparison.Ordinal)
                    || title.StartsWith($" the {n} ", StringComparison.Ordinal)) ? TopicMatchKind.AliasLeads
                : names.Any(n => title.Contains($" {n} ", StringComparison.Ordinal)) ? TopicMatchKind.AliasInTitle
                : TopicMatchKind.Alias;
            return new TopicMatch(note, kind);
        }

        if (byName is not null)
        {
            return byName;
        }

        if (words.Count == 0)
        {
            return null;
        }

        if (CorpusVocabulary.TeachingSections(note).FirstOrDefault(s => words.IsSubsetOf(TextTerms.Of(s.Heading))) is { } about)
        {
            return new TopicMatch(note, TopicMatchKind.Heading, about);
        }

        return words.IsSubsetOf(TextTerms.Of(string.Join(' ', [note.Id, note.Title, note.Section, .. note.Tags, .. note.Aliases])))
            ? new TopicMatch(note, TopicMatchKind.Words)
            : null;
    }

    private static bool Mentions(Note note, string folded, HashSet<string> words) =>
        note.Aliases.Any(a => FuzzyText.Fold(a) == folded)
        || CorpusVocabulary.TeachingSections(note).Any(s => words.IsSubsetOf(TextTerms.Of(s.Heading)))
        || words.IsSubsetOf(TextTerms.Of(string.Join(' ', [note.Id, note.Title, note.Section, .. note.Tags, .. note.Aliases])));
}
