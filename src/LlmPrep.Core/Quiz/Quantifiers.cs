namespace LlmPrep.Core.Quiz;

/// <summary>
/// A point about every one of something said of only one: "return a result for every call id" against "only for the
/// first call id". A confident wrong answer often keeps the point's words and narrows its scope.
/// </summary>
public static class Quantifiers
{
    private static readonly HashSet<string> Universal = new(StringComparer.Ordinal) { "every", "each", "all" };

    private static readonly HashSet<string> Single = new(StringComparer.Ordinal) { "first", "one", "single", "last" };

    /// <summary>How many words after "only" a narrowing word may stand ("only need to return a result for the first").</summary>
    private const int Reach = 8;

    /// <summary>
    /// The words of <paramref name="answer"/> that narrow <paramref name="point"/>'s "every", "each" or "all" to one
    /// ("only the first"), or null. A point that itself says "only" is left alone.
    /// </summary>
    public static string? Narrowed(IReadOnlyList<string> point, IReadOnlyList<string> answer)
    {
        if (!point.Any(Universal.Contains) || point.Contains("only"))
        {
            return null;
        }

        for (var i = 0; i < answer.Count; i++)
        {
            if (answer[i] != "only")
            {
                continue;
            }

            for (var j = i + 1; j <= Math.Min(answer.Count - 1, i + Reach); j++)
            {
                if (Single.Contains(answer[j]))
                {
                    return string.Join(' ', answer.Skip(i).Take(j - i + 1));
                }
            }
        }

        return null;
    }
}
