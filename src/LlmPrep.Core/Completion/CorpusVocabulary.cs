using System.Text.RegularExpressions;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Topics;

namespace LlmPrep.Core.Completion;

/// <summary>
/// The names people type when they pick something from the corpus, as ranked completion lists: topics,
/// concepts (titles, ids, aliases and glossary terms), system-design scenarios, behavioural themes and note
/// paths. Built once per corpus snapshot (snapshots are immutable) and shared.
/// </summary>
public sealed partial class CorpusVocabulary
{
    public const string GlossaryTag = "glossary";
    public const string CaseStudyTag = "case-study";
    public const string BehaviouralNoteId = "behavioral-stories";

    private static readonly SnapshotCache<CorpusVocabulary> Cache = new(static c => new CorpusVocabulary(c));

    private CorpusVocabulary(CorpusSnapshot corpus)
    {
        var notes = corpus.Notes;
        Glossary = notes.FirstOrDefault(n => n.Tags.Contains(GlossaryTag, StringComparer.OrdinalIgnoreCase));
        CaseStudies = [.. notes.Where(IsCaseStudy).OrderBy(n => n.Priority)];
        Behavioural = corpus.FindById(BehaviouralNoteId)
            ?? notes.FirstOrDefault(n => n.Tags.Contains("behavioural", StringComparer.OrdinalIgnoreCase));
        Themes = Behavioural is null ? [] : ThemesOf(Behavioural);
        GlossaryTerms = Glossary is null ? [] : TermsOf(Glossary);

        Topics = new CompletionList(TopicResolver.For(corpus).Names);
        Concepts = new CompletionList([
            .. notes.Select(n => n.Title),
            .. notes.Select(n => n.Id),
            .. notes.Where(n => n != Glossary).SelectMany(n => n.Aliases),
            .. GlossaryTerms.Select(t => t.Term),
        ]);
        Scenarios = new CompletionList([
            .. CaseStudies.Select(n => n.Id),
            .. CaseStudies.Select(ScenarioOf),
            .. CaseStudies.SelectMany(n => n.Aliases),
        ]);
        ThemeNames = new CompletionList(Themes.Select(t => t.Name));
        Paths = new CompletionList(notes.Select(n => n.Path));
    }

    /// <summary>Every name <see cref="TopicResolver"/> accepts as a topic: sections, tags, note ids, titles and aliases.</summary>
    public CompletionList Topics { get; }

    /// <summary>Note titles, ids, aliases and the glossary's terms.</summary>
    public CompletionList Concepts { get; }

    /// <summary>Case-study ids, their scenarios ("design a RAG assistant for a bank…") and aliases.</summary>
    public CompletionList Scenarios { get; }

    /// <summary>Behavioural themes: the prepared stories and the questions they answer.</summary>
    public CompletionList ThemeNames { get; }

    /// <summary>Note paths, for the <c>llmprep://notes/{+path}</c> template.</summary>
    public CompletionList Paths { get; }

    /// <summary>The glossary note (tagged <c>glossary</c>), if the corpus has one.</summary>
    public Note? Glossary { get; }

    /// <summary>Terms the glossary defines: its headings, aliases and bold terms, each with the section it is in.</summary>
    public IReadOnlyList<GlossaryTerm> GlossaryTerms { get; }

    /// <summary>Case-study notes, must-know first.</summary>
    public IReadOnlyList<Note> CaseStudies { get; }

    /// <summary>The behavioural-stories note, if the corpus has one.</summary>
    public Note? Behavioural { get; }

    /// <summary>Behavioural themes with the section of the behavioural note that prepares each.</summary>
    public IReadOnlyList<StoryTheme> Themes { get; }

    public static CorpusVocabulary For(CorpusSnapshot corpus) => Cache.For(corpus);

    public static bool IsCaseStudy(Note note) =>
        note.Tags.Contains(CaseStudyTag, StringComparer.OrdinalIgnoreCase) || note.Id.StartsWith("case-", StringComparison.Ordinal);

    /// <summary>"Case study: design a RAG assistant for a bank" reads as a scenario without its label.</summary>
    public static string ScenarioOf(Note caseStudy)
    {
        var title = caseStudy.Title;
        var colon = title.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && title[..colon].Contains("case", StringComparison.OrdinalIgnoreCase) ? title[(colon + 1)..].Trim() : title;
    }

    /// <summary>"03-rag-and-embeddings" is also "rag-and-embeddings".</summary>
    public static string ShortSectionName(string section)
    {
        var dash = section.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && section[..dash].All(char.IsAsciiDigit) ? section[(dash + 1)..] : section;
    }

    /// <summary>The sections of a note before its <c>## Quiz</c>, where the teaching is.</summary>
    public static IEnumerable<NoteSection> TeachingSections(Note note)
    {
        var quizLine = note.Sections.FirstOrDefault(IsQuiz)?.Line ?? int.MaxValue;
        return note.Sections.Where(s => s.Depth >= 2 && s.Line < quizLine);
    }

    public static bool IsQuiz(NoteSection section) =>
        section.Depth == 2 && section.Heading.Equals("Quiz", StringComparison.OrdinalIgnoreCase);

    private static List<GlossaryTerm> TermsOf(Note glossary)
    {
        var terms = new List<GlossaryTerm>();
        var sections = TeachingSections(glossary).Where(s => s.Depth == 2).ToList();
        foreach (var section in sections)
        {
            terms.Add(new GlossaryTerm(section.Heading, section.Anchor));
            foreach (Match bold in BoldTerm().Matches(section.OwnText))
            {
                terms.AddRange(SplitTerm(bold.Groups[1].Value).Select(t => new GlossaryTerm(t, section.Anchor)));
            }
        }

        var first = sections.FirstOrDefault()?.Anchor ?? "";
        terms.AddRange(glossary.Aliases.Select(a => new GlossaryTerm(a, terms.FirstOrDefault(t => t.Term.Equals(a, StringComparison.OrdinalIgnoreCase))?.Anchor ?? first)));
        return [.. terms.DistinctBy(t => t.Term, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// "TTFT (time to first token)" is two terms; "Temperature, top-k, top-p" three; "Decoder-only / encoder-only" two;
    /// "instruct (chat) model" one, "instruct model".
    /// </summary>
    private static IEnumerable<string> SplitTerm(string bold)
    {
        bold = bold.Trim().TrimEnd(':').Trim();
        var parts = new List<string>();
        var open = bold.IndexOf('(', StringComparison.Ordinal);
        var close = bold.IndexOf(')', StringComparison.Ordinal);
        if (open > 0 && close > open)
        {
            if (close == bold.Length - 1)
            {
                parts.Add(bold[(open + 1)..close]);
            }

            bold = string.Join(' ', (bold[..open] + " " + bold[(close + 1)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        parts.AddRange(bold.Split([",", " / "], StringSplitOptions.None));
        return parts.Select(p => p.Trim()).Where(p => p.Length is >= 2 and <= 60);
    }

    private static List<StoryTheme> ThemesOf(Note note)
    {
        var themes = new List<StoryTheme>();
        var sections = TeachingSections(note).Where(s => s.Depth == 2).ToList();
        foreach (var section in sections.Skip(1)) // the first section explains the method, not a theme
        {
            var story = StoryHeading().Match(section.Heading);
            if (story.Success)
            {
                themes.Add(new StoryTheme(story.Groups[1].Value.Trim(), section.Anchor));
                continue;
            }

            // A table mapping other questions onto the stories: its first column holds themes. Otherwise the heading is one.
            var rows = TableRows(section.OwnText).ToList();
            themes.AddRange(rows.Count > 0 ? rows.Select(r => new StoryTheme(r, section.Anchor)) : [new StoryTheme(section.Heading, section.Anchor)]);
        }

        // The quiz questions are themes too, prepared by the section whose theme shares the most words with them.
        var prepared = themes.Select(t => (Theme: t, Terms: TextTerms.Of(t.Name))).ToList();
        foreach (var card in note.Cards)
        {
            var terms = TextTerms.Of(card.Question);
            var best = prepared.Where(p => p.Terms.Count(terms.Contains) >= 2).OrderByDescending(p => p.Terms.Count(terms.Contains)).FirstOrDefault();
            themes.Add(new StoryTheme(card.Question.TrimEnd('.', '?'), best.Theme?.Anchor ?? ""));
        }

        return [.. themes.DistinctBy(t => t.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private static IEnumerable<string> TableRows(string markdown)
    {
        foreach (var line in markdown.Split('\n'))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length > 3 && cells[1].Length > 0 && !cells[1].StartsWith("---", StringComparison.Ordinal)
                && !cells[1].Equals("Question", StringComparison.OrdinalIgnoreCase))
            {
                yield return cells[1];
            }
        }
    }

    [GeneratedRegex(@"\*\*([^*\n]{2,80})\*\*")]
    private static partial Regex BoldTerm();

    [GeneratedRegex(@"^Story\s+\d+\s*[:.-]\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex StoryHeading();
}

/// <summary>A term the glossary defines, and the anchor of the glossary section it is in.</summary>
public sealed record GlossaryTerm(string Term, string Anchor);

/// <summary>A behavioural theme and the anchor of the section that prepares it ("" when a quiz card is all there is).</summary>
public sealed record StoryTheme(string Name, string Anchor);
