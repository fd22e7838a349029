namespace LlmPrep.Core.Quiz;

/// <summary>
/// Finds the words a negation reaches: the few words after "not", "never", "no", "cannot", "doesn't", "without",
/// "rather than", "instead of" and the like. A key term said under a negation may be said the other way round.
/// </summary>
public static class Negation
{
    /// <summary>How many words after a cue it reaches.</summary>
    public const int Reach = 4;

    private static readonly HashSet<string> Cues = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "cannot", "without", "neither", "nor", "none", "nothing", "non", "nobody", "unlike", "lacks",
    };

    /// <summary>Words that end a negation's reach: "isn't associative and GPU kernels depend" negates only "associative".</summary>
    private static readonly HashSet<string> Stops = new(StringComparer.Ordinal)
    {
        "and", "but", "or", "so", "because", "which", "that", "then", "while", "whereas", "since", "although", "though",
    };

    /// <summary>Words that carry a negation in their meaning: "prevents splitting" is said as "doesn't get split".</summary>
    private static readonly HashSet<string> Implicit = new(StringComparer.Ordinal)
    {
        "prevent", "avoid", "stop", "miss", "lose", "los", "loss", "lack", "fail", "unchang", "worst", "blur", "starv", "vanish", "without",
        "instead", "rather", "unlike", "absent", "nothing", "zero", "ignor", "skip", "drop", "too", "only", "fuzzy", "bad", "poor", "weak",
        "struggl", "wors",
    };

    private static readonly HashSet<string> Contractions = new(StringComparer.Ordinal)
    {
        "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "can", "couldn", "won", "wouldn", "shouldn", "haven", "hasn", "hadn", "mustn", "needn", "ain",
    };

    /// <summary>True when <paramref name="text"/> contains a negation cue ("not", "cannot", "rather than").</summary>
    public static bool Any(string text)
    {
        var words = TextTerms.Words(text).ToList();
        return Enumerable.Range(0, words.Count).Any(i => CueEnds(words, i));
    }

    /// <summary>True when <paramref name="text"/> says "not", "never", "cannot" and the like outright.</summary>
    public static bool Flat(string text)
    {
        var words = TextTerms.Words(text).ToList();
        return Enumerable.Range(0, words.Count).Any(i => Cue(words, i) == Negated.Flatly);
    }

    /// <summary>True when <paramref name="words"/> negate anything, outright or by meaning ("prevents", "avoids", "zero").</summary>
    public static bool AnyMeaning(IReadOnlyList<string> words) =>
        Enumerable.Range(0, words.Count).Any(i => CueEnds(words, i) || Implicit.Contains(AnswerWords.Stem(words[i])));

    /// <summary>For each word of <paramref name="words"/>, which negation reaches it, if any.</summary>
    public static Negated[] Scope(IReadOnlyList<string> words)
    {
        var negated = new Negated[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var cue = Cue(words, i);
            for (var j = i + 1; cue != Negated.No && j <= Math.Min(words.Count - 1, i + Reach) && !Stops.Contains(words[j]); j++)
            {
                negated[j] = (Negated)Math.Max((int)negated[j], (int)cue);
            }
        }

        return negated;
    }

    private static bool CueEnds(IReadOnlyList<string> words, int i) => Cue(words, i) != Negated.No;

    /// <summary>The negation cue that ends at word <paramref name="i"/>, if any.</summary>
    private static Negated Cue(IReadOnlyList<string> words, int i) =>
        Cues.Contains(words[i]) || (words[i] == "t" && i > 0 && Contractions.Contains(words[i - 1])) ? Negated.Flatly
        : (words[i] == "than" && i > 0 && words[i - 1] == "rather") || (words[i] == "of" && i > 0 && words[i - 1] == "instead") ? Negated.InContrast
        : Negated.No;
}

/// <summary>Whether a negation reaches a word: not at all, by contrast ("rather than X", "instead of X") or flatly ("not X").</summary>
public enum Negated
{
    No,
    InContrast,
    Flatly,
}
