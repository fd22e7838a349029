namespace LlmPrep.Core.Quiz;

/// <summary>
/// How the grader reads words, on top of <see cref="TextTerms"/>: spoken filler ("basically", "get", "thing") carries
/// no content, British spellings meet American ones ("normalise", "normalize") and "-able" forms meet their verb
/// ("predictable", "predict"). Kept apart from <see cref="TextTerms"/>, which search and prompts share.
/// </summary>
public static class AnswerWords
{
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "s", "t", "being", "make", "makes", "some", "over", "least", "like", "get", "gets", "got", "way", "thing", "things", "really",
        "basically", "lot", "much", "actually", "say", "e", "g", "etc", "our", "my", "me", "us", "should", "could", "here", "let", "lets",
    };

    private static readonly (string Suffix, string Replacement)[] Spellings =
    [
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"),
        ("ability", ""), ("ably", ""), ("able", ""),
    ];

    public static bool IsStopWord(string word) => TextTerms.IsStopWord(word) || Filler.Contains(word);

    public static string Stem(string word)
    {
        foreach (var (suffix, replacement) in Spellings)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4)
            {
                word = word[..^suffix.Length] + replacement;
                break;
            }
        }

        return TextTerms.Stem(word);
    }
}
