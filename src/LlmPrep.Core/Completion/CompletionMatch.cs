namespace LlmPrep.Core.Completion;

/// <summary>One ranked completion value.</summary>
/// <param name="Value">The value as offered to the person.</param>
/// <param name="Kind">How it matched.</param>
/// <param name="Score">Rank within its kind, lower is better (0 for an exact match).</param>
public readonly record struct CompletionMatch(string Value, MatchKind Kind, int Score);
