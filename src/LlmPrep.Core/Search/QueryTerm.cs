namespace LlmPrep.Core.Search;

/// <summary>One searchable unit of a query: a word, a prefix (<c>word*</c>) or a phrase (<c>"two words"</c>).</summary>
/// <param name="Words">The words, already split and lower-cased; more than one makes a phrase.</param>
/// <param name="IsPrefix">True for <c>word*</c>: match any word that starts with it.</param>
public sealed record QueryTerm(IReadOnlyList<string> Words, bool IsPrefix)
{
    /// <summary>At most this many spellings of one phrase are searched for (each word may have an American and a British one).</summary>
    public const int MaxPhraseSpellings = 8;

    /// <summary>
    /// The term as an FTS5 string: every word is quoted, so no FTS5 syntax can pass through. A word or phrase with
    /// American and British spellings matches any of them (<c>("optimize" OR "optimise")</c>); a phrase stays a phrase.
    /// </summary>
    public string ToFts()
    {
        if (IsPrefix)
        {
            return Quote(Words) + "*";
        }

        var spellings = new List<List<string>> { new() };
        foreach (var word in Words)
        {
            var variants = SpellingVariants.Of(word);
            spellings = spellings
                .SelectMany(s => variants.Select(v => new List<string>(s) { v }))
                .Take(MaxPhraseSpellings)
                .ToList();
        }

        return spellings.Count == 1 ? Quote(spellings[0]) : "(" + string.Join(" OR ", spellings.Select(Quote)) + ")";
    }

    private static string Quote(IEnumerable<string> words) =>
        "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
