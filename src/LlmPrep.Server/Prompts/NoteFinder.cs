using LlmPrep.Core;
using LlmPrep.Core.Completion;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Search;
using LlmPrep.Core.Topics;
using ModelContextProtocol;

namespace LlmPrep.Server.Prompts;

/// <summary>
/// Turns what the person typed into notes: a topic (as quiz_next understands it), a concept, a design scenario,
/// a behavioural theme, or the notes a project summary touches. Unknown topics and concepts fail with the
/// closest names from the completion lists, so the person can pick one.
/// </summary>
internal static class NoteFinder
{
    /// <summary>Words every design scenario shares, as typed and as <see cref="TextTerms"/> stems them.</summary>
    private static readonly HashSet<string> GenericDesignWords = new(StringComparer.Ordinal)
    {
        "design", "system", "systems", "build", "case", "study", "llm", "llms", "ai", "genai", "app", "application", "applicate",
        "service", "platform", "solution",
    };

    /// <summary>The notes a topic names, best first, exactly as quiz_next's topic (see <see cref="TopicResolver"/>).</summary>
    public static IReadOnlyList<Note> Topic(CorpusSnapshot corpus, string topic)
    {
        try
        {
            return new QuizScope(Topic: topic).Select(corpus);
        }
        catch (QuizException)
        {
            throw Unknown("topic", topic, CorpusVocabulary.For(corpus).Topics,
                $"Topics are sections ({string.Join(", ", corpus.Sections.Select(CorpusVocabulary.ShortSectionName))}), tags, note ids or titles.");
        }
    }

    /// <summary>The note (and section) that teaches a concept: a note reference, title, alias, heading or glossary term, else the best search hit.</summary>
    public static ConceptMatch Concept(StudyLibrary library, string concept)
    {
        var corpus = library.Corpus;
        var vocabulary = CorpusVocabulary.For(corpus);
        var wanted = FuzzyText.Fold(concept);

        if (NoteUri.Resolve(corpus, concept) is ({ } referenced, var anchor, _))
        {
            return new ConceptMatch(referenced, anchor is null ? null : referenced.FindSection(anchor), null);
        }

        var matches = TopicResolver.For(corpus).Resolve(concept);
        var named = matches.FirstOrDefault(m => m.Kind <= TopicMatchKind.Alias && m.Note != vocabulary.Glossary)?.Note;
        if (named is not null)
        {
            return new ConceptMatch(named, null, GlossaryEntry(vocabulary, wanted));
        }

        if (matches.FirstOrDefault(m => m.Kind == TopicMatchKind.Heading && FuzzyText.Fold(m.Section!.Heading) == wanted) is { } heading)
        {
            return new ConceptMatch(heading.Note, heading.Section, GlossaryEntry(vocabulary, wanted));
        }

        var entry = GlossaryEntry(vocabulary, wanted);
        if (BestHit(library, concept, vocabulary.Glossary) is { } hit)
        {
            return hit with { Glossary = entry };
        }

        if (entry is not null)
        {
            return new ConceptMatch(vocabulary.Glossary!, entry, null);
        }

        if (matches.Count > 0)
        {
            return new ConceptMatch(matches[0].Note, matches[0].Section, null);
        }

        throw Unknown("concept", concept, vocabulary.Concepts, "Concepts are note titles, ids, aliases and glossary terms; try a shorter name.");
    }

    /// <summary>The case study a scenario names (its id, scenario, title or an alias, as completion offers them), or null.</summary>
    public static Note? NamedScenario(CorpusSnapshot corpus, string scenario)
    {
        var wanted = FuzzyText.Fold(scenario);
        return CorpusVocabulary.For(corpus).CaseStudies.FirstOrDefault(n =>
            FuzzyText.Fold(n.Id) == wanted || FuzzyText.Fold(CorpusVocabulary.ScenarioOf(n)) == wanted || FuzzyText.Fold(n.Title) == wanted
            || n.Aliases.Any(a => FuzzyText.Fold(a) == wanted));
    }

    /// <summary>The case study most like a scenario the person described in their own words, or null when none shares its subject.</summary>
    public static Note? SimilarScenario(CorpusSnapshot corpus, string scenario)
    {
        var terms = TextTerms.Of(scenario);
        terms.ExceptWith(GenericDesignWords);
        return CorpusVocabulary.For(corpus).CaseStudies
            .Select(n => (Note: n, Overlap: TextTerms.Of(string.Join(' ', [n.Title, .. n.Aliases, .. n.Tags])).Count(terms.Contains)))
            .Where(x => x.Overlap > 0)
            .OrderByDescending(x => x.Overlap)
            .Select(x => x.Note)
            .FirstOrDefault();
    }

    /// <summary>Notes (not case studies) that search finds for a free-form scenario, best first.</summary>
    public static IReadOnlyList<Note> Related(StudyLibrary library, string text, int max)
    {
        var terms = TextTerms.Words(text).Where(w => !GenericDesignWords.Contains(w)).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var hits = Search(library, string.Join(' ', terms), all: false);
        return [.. hits.Select(h => library.Corpus.FindById(h.NoteId)).OfType<Note>().Where(n => !CorpusVocabulary.IsCaseStudy(n)).Distinct().Take(max)];
    }

    /// <summary>The prepared story a theme names or resembles, or null for a theme the notes do not prepare.</summary>
    public static StoryTheme? Theme(CorpusSnapshot corpus, string theme)
    {
        var vocabulary = CorpusVocabulary.For(corpus);
        var prepared = vocabulary.Themes.Where(t => t.Anchor.Length > 0).ToList();
        var best = vocabulary.ThemeNames.Match(theme).FirstOrDefault(m => m.Kind != MatchKind.Fuzzy || m.Score < 20);
        if (best.Value is not null && prepared.FirstOrDefault(t => t.Name == best.Value) is { } named)
        {
            return named;
        }

        var terms = TextTerms.Of(theme);
        return prepared
            .Select(t => (Theme: t, Overlap: TextTerms.Of(t.Name).Count(terms.Contains)))
            .Where(x => x.Overlap > 0)
            .OrderByDescending(x => x.Overlap)
            .Select(x => x.Theme)
            .FirstOrDefault();
    }

    /// <summary>Technical notes a free-text summary mentions by name, alias or tag, most mentioned first.</summary>
    public static IReadOnlyList<Note> Mentioned(CorpusSnapshot corpus, string text, int max)
    {
        var folded = $" {FuzzyText.Fold(text)} ";
        bool Mentions(string name) => FuzzyText.Fold(name) is { Length: >= 3 } f && folded.Contains($" {f} ", StringComparison.Ordinal);
        return [.. corpus.Notes
            .Where(n => !CorpusVocabulary.IsCaseStudy(n) && n.Cards.Count > 0
                && !n.Tags.Any(t => t.Equals("interview", StringComparison.OrdinalIgnoreCase) || t.Equals(CorpusVocabulary.GlossaryTag, StringComparison.OrdinalIgnoreCase)))
            .Select(n => (Note: n, Score: 2 * (n.Aliases.Count(Mentions) + (Mentions(n.Title) ? 1 : 0)) + n.Tags.Count(Mentions)))
            .Where(x => x.Score >= 2)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Note.Priority)
            .Select(x => x.Note)
            .Take(max)];
    }

    /// <summary>An InvalidParams error naming the closest values the person could pick instead.</summary>
    public static McpProtocolException Unknown(string what, string typed, CompletionList names, string hint)
    {
        // Letters-in-order matches only when nothing closer (a prefix, a word, a typo) was found.
        var matches = names.Match(typed);
        var loose = matches.Count > 0 && matches[0].Kind == MatchKind.Fuzzy && matches[0].Score >= CompletionList.LooseScore;
        var close = matches.Where(m => loose || m.Kind != MatchKind.Fuzzy || m.Score < CompletionList.LooseScore).Take(6).Select(m => m.Value).ToList();
        var suggestion = close.Count > 0 ? $" Close matches: {string.Join(", ", close.Select(v => $"'{v}'"))}." : "";
        return PromptArguments.Invalid($"no {what} matches '{typed}'.{suggestion} {hint}");
    }

    private static NoteSection? GlossaryEntry(CorpusVocabulary vocabulary, string wanted)
    {
        var term = vocabulary.GlossaryTerms.FirstOrDefault(t => FuzzyText.Fold(t.Term) == wanted);
        return term is null ? null : vocabulary.Glossary!.FindSection(term.Anchor);
    }

    private static ConceptMatch? BestHit(StudyLibrary library, string concept, Note? glossary)
    {
        foreach (var hit in Search(library, concept, all: true))
        {
            if (library.Corpus.FindById(hit.NoteId) is { } note && note != glossary)
            {
                var section = hit.Anchor.Length == 0 ? null : note.FindSection(hit.Anchor);
                var teaches = section is not null && CorpusVocabulary.TeachingSections(note).Contains(section);
                return new ConceptMatch(note, teaches ? section : null, null);
            }
        }

        return null;
    }

    private static IReadOnlyList<SearchHit> Search(StudyLibrary library, string query, bool all)
    {
        try
        {
            var result = library.Search(new SearchRequest(query) { Limit = 8, MaxTokens = 10_000 });
            return all && result.MatchMode != "all" ? [] : result.Hits;
        }
        catch (SearchException)
        {
            return [];
        }
    }
}

/// <summary>Where a concept is taught: a note, optionally the section to focus on, and its glossary entry if it has one.</summary>
internal sealed record ConceptMatch(Note Note, NoteSection? Focus, NoteSection? Glossary);
