namespace LlmPrep.Core.Quiz;

/// <summary>
/// Turns text into comparable terms: lower-cased words and numbers, common words dropped, and a light
/// English suffix stemmer so "retrieval", "retrieves" and "retrieved" meet. Both sides of a comparison go
/// through the same steps, so consistency matters more than linguistic precision.
/// </summary>
public static class TextTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "do", "does", "each", "for", "from", "has", "have",
        "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "more", "most", "no", "not", "of", "on", "one", "only",
        "or", "other", "so", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
        "to", "too", "up", "use", "used", "uses", "using", "very", "was", "we", "were", "what", "when", "where", "which", "while",
        "who", "why", "will", "with", "would", "you", "your", "also", "about", "because", "both", "all", "any", "own", "same",
    };

    private static readonly (string Suffix, string Replacement)[] Rules =
    [
        ("izations", "ize"), ("ational", "ate"), ("ization", "ize"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("ations", "ate"), ("ation", "ate"), ("nesses", ""), ("ments", ""), ("ment", ""), ("ness", ""), ("ities", "ity"),
        ("ingly", ""), ("edly", ""), ("ings", ""), ("ing", ""), ("ies", "y"), ("ied", "y"), ("ers", "er"), ("ed", ""), ("ly", ""),
    ];

    /// <summary>True for the common words that carry no content ("the", "is", "with").</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>The distinct stemmed content terms of <paramref name="text"/>.</summary>
    public static HashSet<string> Of(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            if (!StopWords.Contains(word))
            {
                terms.Add(Stem(word));
            }
        }

        return terms;
    }

    public static IEnumerable<string> Words(string text)
    {
        var buffer = new char[16];
        var position = 0;
        while (NextWord(text, ref position, ref buffer, out var length))
        {
            yield return new string(buffer, 0, length);
        }
    }

    /// <summary>
    /// The next of <see cref="Words"/> from <paramref name="position"/> on, lower-cased into <paramref name="buffer"/>
    /// (grown when a word is longer), without making a string of it.
    /// </summary>
    /// <returns>False when the text has no more words.</returns>
    public static bool NextWord(ReadOnlySpan<char> text, ref int position, ref char[] buffer, out int length)
    {
        length = 0;
        while (position < text.Length)
        {
            var c = text[position++];
            if (char.IsLetterOrDigit(c))
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (length > 0)
            {
                return true;
            }
        }

        return length > 0;
    }

    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit))
        {
            return word;
        }

        var stem = word;
        var matched = false;
        foreach (var (suffix, replacement) in Rules)
        {
            var minimum = replacement.Length > 0 ? 3 : 4;
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length - suffix.Length >= minimum)
            {
                stem = stem[..^suffix.Length] + replacement;
                matched = true;
                break;
            }
        }

        if (!matched)
        {
            if (stem.EndsWith("sses", StringComparison.Ordinal) || stem.EndsWith("xes", StringComparison.Ordinal)
                || stem.EndsWith("ches", StringComparison.Ordinal) || stem.EndsWith("shes", StringComparison.Ordinal) || stem.EndsWith("zes", StringComparison.Ordinal))
            {
                stem = stem[..^2];
            }
            else if (stem.EndsWith('s') && !stem.EndsWith("ss", StringComparison.Ordinal) && !stem.EndsWith("us", StringComparison.Ordinal) && !stem.EndsWith("is", StringComparison.Ordinal))
            {
                stem = stem[..^1];
            }
            else if (stem.EndsWith("al", StringComparison.Ordinal) && stem.Length >= 7)
            {
                stem = stem[..^2];
            }
        }

        if (stem.Length > 4 && stem.EndsWith('e'))
        {
            stem = stem[..^1];
        }

        if (stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') && !char.IsDigit(stem[^1]) && !"aeiou".Contains(stem[^1], StringComparison.Ordinal))
        {
            stem = stem[..^1];
        }

        return stem;
    }
}
