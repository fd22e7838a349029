using System.Globalization;
using System.Runtime.CompilerServices;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// The local grader, for when no model judges. For each key point it looks for the point's terms (stemmed, with
/// acronyms, glossary pairs and <see cref="DomainSynonyms"/> meeting their paraphrases) within one or two sentences of
/// the answer, weighing rare terms above common ones and terms the question already gives away least. Enough of them
/// together cover the point, some of them cover it partly. A point is contradicted when its terms are said only under a
/// negation ("does not raise recall"), when a direction is flipped ("increases" for "lower"), or when its definition
/// is given for another concept the question names (a swapped definition). The rating follows
/// <see cref="AnswerVerdict.ToRating"/> without Easy, and every grade says how sure it is and which words matched, so
/// a person or a model can overrule it.
/// </summary>
public sealed class KeyPointGrader(AliasMap aliases, TermWeights weights)
{
    private static readonly SnapshotCache<KeyPointGrader> Cache = new(static c =>
    {
        // The alias map takes the acronyms each note's parse found (it reads only the few glossary notes again), and
        // the term weights stem each distinct word of the cards' key points once. A body read leaves a weak handle;
        // in a large vault those go, so nothing stays behind per note. The heap is packed before each step and after
        // the last: what the answers before this one left (searches, quiz_next) is given back before the alias map's
        // builder allocates, and what the builder leaves before the term weights do, so none of it adds to the next.
        LoadedHeap.Compact(c);
        var aliases = new AliasMap(c.Notes);
        LoadedHeap.ReleaseBodies(c);
        LoadedHeap.Compact(c);
        var grader = new KeyPointGrader(aliases, new TermWeights(c.Cards, aliases));
        LoadedHeap.Compact(c);
        return grader;
    });

    private readonly Antonyms _antonyms = new(aliases);
    private readonly ConditionalWeakTable<QuizCard, CardTerms> _cards = [];

    public const string Name = "key_points";

    /// <summary>Weighted share of a point's terms an answer must state together to cover it.</summary>
    public const double CoveredThreshold = 0.5;

    /// <summary>Weighted share for a partly covered point.</summary>
    public const double PartlyThreshold = 0.3;

    /// <summary>A term the question already uses counts this much of its weight: restating the question proves little.</summary>
    public const double QuestionWeight = 0.35;

    /// <summary>Below this many content terms an answer covers nothing.</summary>
    public const int MinimumTerms = 3;

    private const double BaseConfidence = 0.9;

    private static readonly HashSet<string> AbsoluteWords = new(StringComparer.Ordinal)
    {
        "always", "never", "guarantee", "guarantees", "guaranteed", "fully", "completely", "entirely", "impossible", "perfect",
        "perfectly", "forever", "nothing", "everything", "every", "any", "none",
    };

    public KeyPointGrader(AliasMap aliases)
        : this(aliases, TermWeights.Uniform)
    {
    }

    /// <summary>The grader for a corpus, built once per snapshot (its alias map and term weights scan every note).</summary>
    public static KeyPointGrader For(CorpusSnapshot corpus) => Cache.For(corpus);

    /// <summary>Starts building the grader for a corpus on the thread pool, unless it is built or being built, so the
    /// answer to a card just shown finds it ready (at 100,000 notes the build takes seconds).</summary>
    public static void PrepareInBackground(CorpusSnapshot corpus) => Cache.BuildInBackground(corpus);

    internal static bool IsBuilt(CorpusSnapshot corpus) => Cache.IsBuilt(corpus);

    /// <summary>The synonyms, acronyms and glossary pairs the grader matches with.</summary>
    public AliasMap Aliases => aliases;

    public Grade Grade(QuizCard card, string answer)
    {
        var text = AnswerText.Parse(answer ?? "", aliases);
        var terms = _cards.GetValue(card, c => new CardTerms(c, aliases));
        var judged = card.KeyPoints.Select((p, i) => text.TermCount < MinimumTerms
            ? new Judged(new KeyPointVerdict(p, KeyPointStatus.Missed), 0)
            : Judge(terms, i, text)).ToList();

        var verdict = new AnswerVerdict([.. judged.Select(j => j.Verdict)], []);
        var confidence = Math.Clamp(BaseConfidence - judged.Sum(j => j.Doubt), 0.05, BaseConfidence);
        var covered = verdict.KeyPoints.Where(k => k.Status == KeyPointStatus.Covered).Select(k => k.KeyPoint).ToList();
        var missed = verdict.KeyPoints.Where(k => k.Status != KeyPointStatus.Covered).Select(k => k.KeyPoint).ToList();
        return new Grade(
            Math.Round(verdict.Coverage, 2),
            verdict.ToRating(allowEasy: false),
            covered,
            missed,
            Feedback(verdict),
            Name,
            verdict,
            Math.Round(confidence, 2));
    }

    /// <summary>
    /// True when <paramref name="text"/> as a whole mentions the point: at least half its terms, and at least two.
    /// Checks that a note's body teaches its key points; it says nothing about whether an answer is right.
    /// </summary>
    public bool Mentions(string point, string text) => Mentions(point, MentionKeys(text));

    /// <summary>As <see cref="Mentions(string, string)"/>, with the text's keys worked out once by <see cref="MentionKeys"/>.</summary>
    public bool Mentions(string point, HashSet<string> keys)
    {
        // Word by word, so "KV cache" counts as two words as it always has; a word also counts when a synonym or
        // acronym of the phrase it belongs to appears ("RRF" for "reciprocal rank fusion").
        var phrases = aliases.Terms(point);
        var stems = TextTerms.Of(point);
        var matched = stems.Count(stem => keys.Contains(stem)
            || phrases.Any(p => p.Meets(keys) && TextTerms.Words(p.Text).Select(TextTerms.Stem).Contains(stem)));
        return stems.Count > 0 && matched >= stems.Count * CoveredThreshold && matched >= Math.Min(2, stems.Count);
    }

    /// <summary>Every key and every plain stem of <paramref name="text"/>, for <see cref="Mentions(string, HashSet{string})"/>.</summary>
    public HashSet<string> MentionKeys(string text)
    {
        var keys = aliases.Keys(text);
        keys.UnionWith(TextTerms.Words(text).Select(TextTerms.Stem));
        return keys;
    }

    private sealed record Judged(KeyPointVerdict Verdict, double Doubt);

    private Judged Judge(CardTerms card, int index, AnswerText text)
    {
        var point = card.Card.KeyPoints[index];
        var terms = card.Points[index];
        var question = card.Question;
        if (terms.Count == 0)
        {
            return new Judged(new KeyPointVerdict(point, KeyPointStatus.Missed), 0);
        }

        // Rare terms weigh more; terms the question gives away, terms several key points share and one-letter symbols less.
        var weighed = new Dictionary<Term, double>(ReferenceEqualityComparer.Instance);
        foreach (var t in terms)
        {
            weighed[t] = weights.Of(t) * (t.Meets(question) ? QuestionWeight : 1) / card.PointsWith(t) * (t.Text.Length == 1 ? 0.3 : 1);
        }

        double Weight(Term t) => weighed[t];
        var total = terms.Sum(Weight);
        var content = terms.Count(t => !t.Meets(question));
        KeyPointStatus Tier(Window w) =>
            w.Share(Weight, total) >= CoveredThreshold && w.Matched.Count(t => !t.Meets(question)) >= Math.Min(2, content) ? KeyPointStatus.Covered
            : w.Share(Weight, total) >= PartlyThreshold && w.Matched.Any(t => !t.Meets(question)) ? KeyPointStatus.Partly
            : KeyPointStatus.Missed;

        // The best one- or two-sentence window, counting only terms said without a negation (unless the point itself
        // negates: "cannot be filtered" is said as "can't be detected"); and the best counting all.
        var pointNegates = Negation.AnyMeaning([.. TextTerms.Words(point)]);
        Window? clean = null, raw = null;
        for (var first = 0; first < text.Sentences; first++)
        {
            for (var last = first; last <= Math.Min(first + 1, text.Sentences - 1); last++)
            {
                var clauses = text.Window(first, last).ToList();
                var matched = terms.Where(t => clauses.Any(c => t.Meets(c.Keys))).ToList();
                var plain = pointNegates ? matched : matched.Where(t => Occurrences(t, clauses).Any(o => o.Negated == Negated.No)).ToList();
                if (clean is null || plain.Sum(Weight) > clean.Matched.Sum(Weight) + 1e-9)
                {
                    clean = new Window(clauses, plain);
                }

                if (raw is null || matched.Sum(Weight) > raw.Matched.Sum(Weight) + 1e-9)
                {
                    raw = new Window(clauses, matched);
                }
            }
        }

        if (clean is null || raw is null)
        {
            return new Judged(new KeyPointVerdict(point, KeyPointStatus.Missed), 0);
        }

        var status = Tier(clean);
        var doubt = status == KeyPointStatus.Partly ? 0.05 : status == KeyPointStatus.Covered && clean.Share(Weight, total) < 0.6 ? 0.08 : 0;

        // Said only under a negation ("does not raise recall"): the answer states the point the other way round.
        if (!pointNegates)
        {
            var negated = raw.Matched.Where(t => Occurrences(t, raw.Clauses).All(o => o.Negated != Negated.No)).ToList();
            var flat = negated.Where(t => Occurrences(t, raw.Clauses).Any(o => o.Negated == Negated.Flatly)).ToList();
            if (Rank(Tier(raw)) > Rank(status) && flat.Count > 0 && flat.Sum(Weight) >= 0.3 * raw.Matched.Sum(Weight))
            {
                var negatedWords = string.Join(", ", flat.Select(t => Occurrences(t, raw.Clauses).First().Term.Text));
                return new Judged(new KeyPointVerdict(point, KeyPointStatus.Contradicted, $"{Evidence(raw)}; negated: {negatedWords}"), 0.3);
            }

            if (negated.Count > 0)
            {
                doubt += 0.1;
            }
        }

        if (status == KeyPointStatus.Missed)
        {
            return new Judged(new KeyPointVerdict(point, status, Evidence(clean)), clean.Share(Weight, total) >= 0.2 ? 0.05 : 0);
        }

        var evidence = Evidence(clean);
        var words = clean.Clauses.SelectMany(c => c.Words).ToList();

        // The point negates ("cannot be filtered reliably") and the answer, stating it, negates nothing.
        if (status == KeyPointStatus.Covered && Negation.Flat(point) && !Negation.AnyMeaning(words))
        {
            return new Judged(new KeyPointVerdict(point, KeyPointStatus.Contradicted, $"{evidence}; the point says no, the answer says yes"), 0.3);
        }

        // A scope narrowed: the point says "every call id", the answer "only the first call id".
        if (Quantifiers.Narrowed([.. TextTerms.Words(point)], words) is { } narrowed)
        {
            return new Judged(new KeyPointVerdict(point, KeyPointStatus.Contradicted, $"{evidence}; says {narrowed} where the point says every one"), 0.3);
        }

        // A direction flipped: the point says "lower" or "largest", the answer "increases" or "smallest".
        var keys = clean.Clauses.SelectMany(c => c.Keys).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            if (!terms[i].Meets(keys) && _antonyms.Opposite(terms, i, clean.Clauses) is { } opposite)
            {
                return new Judged(new KeyPointVerdict(point, KeyPointStatus.Contradicted, $"{evidence}; says {opposite} where the point says {terms[i].Text}"), 0.3);
            }
        }

        // A definition given for the wrong concept: the clauses that state the point are about another concept of the card.
        if (card.Subjects[index] is { } subject)
        {
            var predicate = clean.Matched.Where(t => !card.IsConceptTerm(t)).ToList();
            var (ofSubject, ofOther, other) = SaidOf(predicate, [.. text.Clauses], subject, card.Concepts);
            if (ofOther >= 2 && ofSubject < Math.Max(2, ofOther - 1))
            {
                return new Judged(new KeyPointVerdict(point, KeyPointStatus.Contradicted, $"{evidence}; said of {other}, not {subject.Name}"), 0.3);
            }

            if (ofSubject == 0)
            {
                doubt += 0.1;
            }
        }

        // Sweeping claims ("always", "never", "guarantees") are where confident wrong answers live.
        if (words.Any(AbsoluteWords.Contains))
        {
            doubt += 0.12;
        }

        return new Judged(new KeyPointVerdict(point, status, evidence), doubt);
    }

    private static int Rank(KeyPointStatus status) => status switch { KeyPointStatus.Covered => 2, KeyPointStatus.Partly => 1, _ => 0 };

    /// <summary>A run of clauses and the key point's terms found in them.</summary>
    private sealed record Window(List<Clause> Clauses, List<Term> Matched)
    {
        public double Share(Func<Term, double> weight, double total) => Matched.Sum(weight) / total;
    }

    /// <summary>
    /// How many of <paramref name="predicate"/> the best clause about <paramref name="subject"/> states, and the best
    /// clause about another concept that says it without negating it (and which concept). A clause that names no
    /// concept is about the one named before it in the same sentence ("Embeddings match meaning, but they blur exact
    /// tokens"); "X is fuzzy on codes" is no claim that X finds codes.
    /// </summary>
    private static (int OfSubject, int OfOther, string Other) SaidOf(List<Term> predicate, List<Clause> window, Concept subject, IReadOnlyList<Concept> concepts)
    {
        var (ofSubject, ofOther, other) = (0, 0, "");
        List<Concept> named = [];
        for (var i = 0; i < window.Count; i++)
        {
            var keys = window[i].Keys;
            var here = concepts.Where(c => c.NamedIn(keys)).ToList();
            if (here.Count > 0 || i == 0 || window[i].Sentence != window[i - 1].Sentence)
            {
                named = here;
            }

            var count = predicate.Count(t => t.Meets(keys));
            if (named.Any(c => c.Covers(subject)))
            {
                ofSubject = Math.Max(ofSubject, count);
            }
            else if (named.Count > 0 && count > ofOther && !Negation.AnyMeaning(window[i].Words))
            {
                (ofOther, other) = (count, named[0].Name);
            }
        }

        return (ofSubject, ofOther, other);
    }

    private static IEnumerable<(Term Term, Negated Negated)> Occurrences(Term term, List<Clause> window) =>
        window.SelectMany(c => c.Terms.Select((t, i) => (Term: t, Negated: c.Negated[i]))).Where(o => o.Term.Shares(term));

    private static string Evidence(Window window) =>
        window.Matched.Count == 0
            ? ""
            : "matched: " + string.Join(", ", window.Matched.Select(t => Occurrences(t, window.Clauses).Select(o => o.Term.Text).FirstOrDefault() ?? t.Text).Distinct(StringComparer.Ordinal));

    private static string Feedback(AnswerVerdict verdict)
    {
        var count = verdict.KeyPoints.Count;
        var covered = verdict.KeyPoints.Count(k => k.Status == KeyPointStatus.Covered);
        if (covered == count)
        {
            return count == 1 ? "You covered the key point." : string.Create(CultureInfo.InvariantCulture, $"You covered all {count} key points.");
        }

        var parts = new List<string>
        {
            covered == 0 ? "Your answer did not cover the key points yet." : string.Create(CultureInfo.InvariantCulture, $"You covered {covered} of {count} key points."),
        };
        var contradicted = verdict.KeyPoints.Where(k => k.Status == KeyPointStatus.Contradicted).ToList();
        if (contradicted.Count > 0)
        {
            parts.Add($"Check these, your answer seems to say otherwise: {Sentences(contradicted)}");
        }

        var missing = verdict.KeyPoints.Where(k => k.Status is KeyPointStatus.Missed or KeyPointStatus.Partly).ToList();
        if (missing.Count > 0)
        {
            parts.Add($"Missing: {Sentences(missing)}");
        }

        return string.Join(" ", parts);

        static string Sentences(List<KeyPointVerdict> points) => string.Join(" ", points.Select(m => m.KeyPoint.TrimEnd('.') + "."));
    }
}
