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

    /// <summary>
    /// Words that, negated at the end of a clause, dismiss what came before them: "ordering doesn't matter", "a result
    /// is not needed" deny the ordering and the result, not something after.
    /// </summary>
    private static readonly HashSet<string> Dismissals = new(StringComparer.Ordinal)
    {
        "matter", "matters", "needed", "necessary", "required", "important", "relevant", "essential",
    };

    /// <summary>Verbs that carry a negation without adding meaning ("is not", "does not").</summary>
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "be", "been", "do", "does", "did", "really", "t",
        "don", "doesn", "didn", "isn", "aren", "wasn", "weren",
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

            if (cue == Negated.Flatly && Dismisses(words, i))
            {
                var j = i - 1;
                while (j >= 0 && Auxiliaries.Contains(words[j]))
                {
                    j--;
                }

                for (var reached = 0; j >= 0 && reached < Reach && !Stops.Contains(words[j]); j--, reached++)
                {
                    negated[j] = Negated.Flatly;
                }
            }
        }

        return negated;
    }

    /// <summary>True when the negation at <paramref name="i"/> is followed by a dismissal that ends the clause ("doesn't matter").</summary>
    private static bool Dismisses(IReadOnlyList<string> words, int i)
    {
        var next = i + 1;
        if (next < words.Count && words[next] is "be" or "really")
        {
            next++;
        }

        return next < words.Count && Dismissals.Contains(words[next]) && (next + 1 == words.Count || Stops.Contains(words[next + 1]));
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
