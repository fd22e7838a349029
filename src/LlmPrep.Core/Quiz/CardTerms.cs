using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// A card's key points as terms, with what the grader needs to know about the card as a whole: the question's terms,
/// how many key points share each term, and the concepts a comparison question names ("BM25" and "dense retrieval",
/// "context precision" and "context recall"), each key point's subject among them.
/// </summary>
public sealed class CardTerms
{
    /// <summary>Question words that name no concept ("what is the difference between X and Y").</summary>
    private static readonly HashSet<string> QuestionForms = new(StringComparer.Ordinal)
    {
        "differ", "difference", "compar", "comparison", "explain", "describ", "versus", "vs", "between", "work", "role", "mean",
        "main", "purpose", "problem", "solv", "choos", "trade", "off", "pro", "con", "advantage", "disadvantage", "happen",
    };

    public CardTerms(QuizCard card, AliasMap aliases)
    {
        Card = card;
        Question = aliases.Keys(card.Question);
        Points = [.. card.KeyPoints.Select(p => Distinct(aliases.Terms(p)))];

        var leading = Points.Select(Leading).ToList();
        var concepts = leading.OfType<Concept>()
            .DistinctBy(c => c.Signature)
            .Where(c => !Points.All(p => c.NamedIn(p.SelectMany(t => t.Keys).ToHashSet(StringComparer.Ordinal))))
            .ToList();
        Concepts = concepts.Count >= 2 ? concepts : [];
        Subjects = [.. leading.Select((c, i) => c is not null && Concepts.Count > 0 && !MentionsAnother(Points[i], c) ? Concepts.FirstOrDefault(k => k.Signature == c.Signature) : null)];
    }

    public QuizCard Card { get; }

    /// <summary>The keys of the question's terms.</summary>
    public HashSet<string> Question { get; }

    /// <summary>Each key point's terms, one per meaning (synonyms within a point count once).</summary>
    public IReadOnlyList<List<Term>> Points { get; }

    /// <summary>The concepts the card compares; empty when it compares nothing.</summary>
    public IReadOnlyList<Concept> Concepts { get; }

    /// <summary>For each key point, the concept it is about, when it opens with one and names no other.</summary>
    public IReadOnlyList<Concept?> Subjects { get; }

    /// <summary>How many key points use the term (at least 1).</summary>
    public int PointsWith(Term term) => Math.Max(1, Points.Count(p => p.Any(t => t.Shares(term))));

    public bool IsConceptTerm(Term term) => Concepts.Any(c => c.Terms.Any(t => t.Shares(term)));

    /// <summary>The concept a key point opens with: its first one or two terms, when the question names them.</summary>
    private Concept? Leading(List<Term> point)
    {
        bool Names(Term t) => t.Meets(Question) && !t.Keys.Any(QuestionForms.Contains);
        if (point.Count == 0 || !Names(point[0]))
        {
            return null;
        }

        return point.Count > 1 && Names(point[1]) ? new Concept([point[0], point[1]]) : new Concept([point[0]]);
    }

    private bool MentionsAnother(List<Term> point, Concept own)
    {
        var keys = point.SelectMany(t => t.Keys).ToHashSet(StringComparer.Ordinal);
        return Concepts.Any(c => !c.Covers(own) && !own.Covers(c) && c.NamedIn(keys));
    }

    private static List<Term> Distinct(List<Term> terms)
    {
        var kept = new List<Term>();
        foreach (var term in terms)
        {
            if (!kept.Any(k => k.Shares(term)))
            {
                kept.Add(term);
            }
        }

        return kept;
    }
}

/// <summary>A concept a card compares, as the terms that name it ("context precision", "BM25").</summary>
public sealed record Concept(IReadOnlyList<Term> Terms)
{
    public string Name => string.Join(' ', Terms.Select(t => t.Text));

    public string Signature => string.Join('|', Terms.Select(t => t.Primary));

    /// <summary>True when every term of the concept is among <paramref name="keys"/>.</summary>
    public bool NamedIn(HashSet<string> keys) => Terms.All(t => t.Meets(keys));

    /// <summary>True when this concept's terms include all of <paramref name="other"/>'s ("plan and execute" covers "plan").</summary>
    public bool Covers(Concept other) => other.Terms.All(o => Terms.Any(t => t.Shares(o)));
}
