namespace LlmPrep.Core.Quiz;

/// <summary>
/// Opposite directions ("lower" and "increases", "largest" and "smallest", "separately" and "jointly"). A confident
/// wrong answer often keeps a key point's words and flips its direction.
/// </summary>
public sealed class Antonyms
{
    private static readonly (string, string)[] Pairs =
    [
        ("increase", "reduce"), ("large", "small"), ("largest", "smallest"), ("fast", "slow"), ("cheap", "expensive"),
        ("fewer", "many"), ("best", "worst"), ("before", "after"), ("stable", "unstable"), ("separately", "jointly"),
        ("exact", "approximate"), ("absolute", "relative"), ("static", "dynamic"), ("frozen", "trainable"),
        ("accurate", "inaccurate"), ("predictable", "unpredictable"), ("depend", "independent"),
    ];

    private readonly List<(HashSet<string> A, HashSet<string> B)> _pairs = [];

    public Antonyms(AliasMap aliases)
    {
        foreach (var (a, b) in Pairs)
        {
            _pairs.Add((Keys(a), Keys(b)));
        }

        HashSet<string> Keys(string word)
        {
            var keys = aliases.Terms(word).SelectMany(t => t.Keys).ToList();
            var groups = keys.Where(k => k.StartsWith('=')).ToHashSet(StringComparer.Ordinal);
            return groups.Count > 0 ? groups : keys.ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The word of <paramref name="clauses"/> that says the opposite of <paramref name="point"/>'s term at
    /// <paramref name="index"/> about the same thing ("increases inference cost" against "lower inference cost"): the
    /// opposite word stands next to a term that stands next to the point's term. Null when there is none, or when the
    /// point itself uses both directions ("a smaller student imitates a larger teacher").
    /// </summary>
    public string? Opposite(IReadOnlyList<Term> point, int index, IEnumerable<Clause> clauses)
    {
        var term = point[index];
        var beside = Neighbours(point, index).ToList();
        foreach (var (a, b) in _pairs)
        {
            foreach (var (own, other) in new[] { (a, b), (b, a) })
            {
                if (!term.Keys.Any(own.Contains) || point.Any(t => t.Keys.Any(other.Contains)))
                {
                    continue;
                }

                foreach (var clause in clauses)
                {
                    for (var i = 0; i < clause.Terms.Count; i++)
                    {
                        var said = clause.Terms[i];
                        if (said.Keys.Any(other.Contains) && !said.Keys.Any(own.Contains)
                            && Neighbours(clause.Terms, i).Any(n => beside.Any(p => p.Shares(n))))
                        {
                            return said.Text;
                        }
                    }
                }
            }
        }

        return null;
    }

    private static IEnumerable<Term> Neighbours(IReadOnlyList<Term> terms, int index)
    {
        if (index > 0)
        {
            yield return terms[index - 1];
        }

        if (index + 1 < terms.Count)
        {
            yield return terms[index + 1];
        }
    }
}
