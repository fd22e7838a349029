namespace LlmPrep.Core.Index;

/// <summary>
/// One phrase of an FTS5 MATCH expression as the search layer writes it (quoted strings, an optional <c>*</c>,
/// joined by AND, OR, NOT and parentheses), in the order FTS5 numbers them.
/// </summary>
/// <param name="Terms">The phrase's terms as the index's tokenizer makes them.</param>
/// <param name="IsPrefix">The last term matches any term it starts.</param>
/// <param name="IsExcluded">The phrase stands after NOT: a matching row never holds it.</param>
internal sealed record MatchPhrase(IReadOnlyList<string> Terms, bool IsPrefix, bool IsExcluded)
{
    /// <summary>The phrase as the expression writes it, quotes and <c>*</c> included.</summary>
    public string Source { get; init; } = "";

    /// <summary>The phrases of <paramref name="match"/>.</summary>
    public static List<MatchPhrase> Parse(string match)
    {
        var phrases = new List<MatchPhrase>();
        var excluded = false;
        var i = 0;
        while (i < match.Length)
        {
            if (match[i] == '"')
            {
                var start = i;
                var text = new System.Text.StringBuilder();
                i++;
                while (i < match.Length)
                {
                    if (match[i] == '"')
                    {
                        if (i + 1 < match.Length && match[i + 1] == '"')
                        {
                            text.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    text.Append(match[i++]);
                }

                var prefix = i < match.Length && match[i] == '*';
                phrases.Add(new MatchPhrase(FtsTokenizer.Terms(text.ToString()), prefix, excluded) { Source = match[start..(prefix ? i + 1 : i)] });
                continue;
            }

            if (string.CompareOrdinal(match, i, "NOT", 0, 3) == 0)
            {
                excluded = true;
                i += 3;
                continue;
            }

            i++;
        }

        return phrases;
    }

    /// <summary>True when the phrase starts at token <paramref name="at"/> of <paramref name="tokens"/>.</summary>
    public bool MatchesAt(List<FtsToken> tokens, int at)
    {
        if (Terms.Count == 0 || at + Terms.Count > tokens.Count)
        {
            return false;
        }

        var last = Terms.Count - 1;
        for (var j = 0; j < last; j++)
        {
            if (!string.Equals(tokens[at + j].Term, Terms[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        var term = tokens[at + last].Term;
        return IsPrefix
            ? term.StartsWith(Terms[last], StringComparison.Ordinal)
            : string.Equals(term, Terms[last], StringComparison.Ordinal);
    }
}
