namespace LlmPrep.Core.Completion;

/// <summary>How a completion value matched what was typed, best first.</summary>
public enum MatchKind
{
    /// <summary>The value starts with what was typed (or is exactly it).</summary>
    Prefix,

    /// <summary>A later word of the value starts with what was typed ("fus" in "reciprocal rank fusion").</summary>
    WordStart,

    /// <summary>A typo (small edit distance) or the typed letters in order ("rerankng", "rrf fusion").</summary>
    Fuzzy,
}
