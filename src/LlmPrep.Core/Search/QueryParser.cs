using System.Text;

namespace LlmPrep.Core.Search;

/// <summary>
/// Turns what a person or model typed into search terms. Nothing typed reaches FTS5 raw: the text is
/// split into words (letters and digits), each quoted later. On purpose it understands
/// <c>"quoted phrases"</c>, <c>prefix*</c> and <c>-exclusions</c>; every other symbol
/// (<c>NEAR(</c>, <c>:</c>, <c>^</c>, parentheses, stray quotes) only separates words.
/// Common English words are dropped unless quoted, so questions search by their content words.
/// </summary>
public static class QueryParser
{
    public const int MaxTerms = 32;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "in", "is", "it",
        "me", "of", "on", "or", "should", "that", "the", "this", "to", "what", "when", "where", "which", "who", "why",
        "with", "you", "your", "vs", "versus", "explain", "tell", "about",
    };

    public static ParsedQuery Parse(string text)
    {
        var include = new List<QueryTerm>();
        var exclude = new List<QueryTerm>();
        var stopped = new List<QueryTerm>();
        var i = 0;
        while (i < text.Length && include.Count + exclude.Count < MaxTerms)
        {
            var c = text[i];
            if (c == '"')
            {
                var close = text.IndexOf('"', i + 1);
                var phrase = close < 0 ? text[(i + 1)..] : text[(i + 1)..close];
                i = close < 0 ? text.Length : close + 1;
                var words = Words(phrase);
                if (words.Count > 0)
                {
                    include.Add(new QueryTerm(words, false));
                }

                continue;
            }

            var negate = c == '-' && (i == 0 || char.IsWhiteSpace(text[i - 1])) && i + 1 < text.Length && IsWordChar(text[i + 1]);
            if (negate)
            {
                i++;
            }

            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            var word = text[start..i].ToLowerInvariant();
            var prefix = i < text.Length && text[i] == '*';
            var term = new QueryTerm([word], prefix);
            if (negate)
            {
                exclude.Add(term);
            }
            else if (!prefix && StopWords.Contains(word))
            {
                stopped.Add(term);
            }
            else
            {
                include.Add(term);
            }
        }

        // A query made only of common words ("what is it") still searches for them.
        return new ParsedQuery(include.Count > 0 ? include : stopped, exclude);
    }

    private static List<string> Words(string phrase)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in phrase)
        {
            if (IsWordChar(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
