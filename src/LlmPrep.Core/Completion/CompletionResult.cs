namespace LlmPrep.Core.Completion;

/// <summary>The best completion values, how many matched in all, and whether some were cut.</summary>
public sealed record CompletionResult(IReadOnlyList<string> Values, int Total, bool HasMore)
{
    public static CompletionResult Empty { get; } = new([], 0, false);
}
