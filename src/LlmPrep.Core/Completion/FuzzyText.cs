using System.Text;

namespace LlmPrep.Core.Completion;

/// <summary>
/// The string arithmetic behind completion: folding text so case and separators do not matter, word
/// starts, the edit distance of a typed word from the start of a candidate, and in-order letter matching.
/// </summary>
public static class FuzzyText
{
    /// <summary>
    /// Lower case, every run of characters other than letters and digits as one space, trimmed:
    /// "03-rag-and-embeddings/Hybrid_Search" becomes "03 rag and embeddings hybrid search".
    /// </summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Offsets in folded text where a word begins.</summary>
    public static int[] WordStarts(string folded)
    {
        var starts = new List<int>();
        for (var i = 0; i < folded.Length; i++)
        {
            if (folded[i] != ' ' && (i == 0 || folded[i - 1] == ' '))
            {
                starts.Add(i);
            }
        }

        return [.. starts];
    }

    /// <summary>
    /// The fewest single-character insertions, deletions, substitutions or swaps of neighbours that turn
    /// <paramref name="typed"/> into some prefix of <paramref name="text"/> from <paramref name="start"/>
    /// (optimal string alignment), or null when that is more than <paramref name="maxDistance"/>.
    /// Completion compares against prefixes because the person has usually typed only part of the word.
    /// </summary>
    public static int? PrefixDistance(string typed, string text, int start, int maxDistance)
    {
        var m = typed.Length;
        var n = Math.Min(text.Length - start, m + maxDistance);
        if (m == 0 || n <= 0)
        {
            return m <= maxDistance ? m : null;
        }

        var before = new int[n + 1];
        var previous = new int[n + 1];
        var current = new int[n + 1];
        for (var j = 0; j <= n; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= m; i++)
        {
            current[0] = i;
            var rowBest = i;
            for (var j = 1; j <= n; j++)
            {
                var cost = typed[i - 1] == text[start + j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && typed[i - 1] == text[start + j - 2] && typed[i - 2] == text[start + j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
                rowBest = Math.Min(rowBest, value);
            }

            if (rowBest > maxDistance)
            {
                return null;
            }

            (before, previous, current) = (previous, current, before);
        }

        var best = previous.Min();
        return best <= maxDistance ? best : null;
    }

    /// <summary>
    /// Whether the letters of <paramref name="typed"/> (spaces ignored) appear in order in <paramref name="text"/>,
    /// starting at a word start, and if so how many characters lie between the first and last matched letter
    /// beyond the typed ones (fewer is a tighter match).
    /// </summary>
    public static int? SubsequenceGap(string typed, string text, int[] wordStarts)
    {
        var letters = typed.Replace(" ", "", StringComparison.Ordinal);
        if (letters.Length == 0)
        {
            return null;
        }

        int? best = null;
        foreach (var start in wordStarts)
        {
            if (text[start] != letters[0])
            {
                continue;
            }

            var k = 1;
            var i = start + 1;
            for (; i < text.Length && k < letters.Length; i++)
            {
                if (text[i] == letters[k])
                {
                    k++;
                }
            }

            if (k < letters.Length)
            {
                break; // a later start has even fewer characters left to match in
            }

            var gap = i - start - letters.Length;
            if (best is null || gap < best)
            {
                best = gap;
            }
        }

        return best;
    }
}
