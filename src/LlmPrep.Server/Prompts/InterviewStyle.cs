namespace LlmPrep.Server.Prompts;

/// <summary>The kind of interview round a mock interview runs.</summary>
internal enum InterviewStyle
{
    Technical,
    SystemDesign,
    Behavioural,
}

internal static class InterviewStyles
{
    /// <summary>The names offered in completions, in this order.</summary>
    public static readonly string[] Names = ["technical", "system_design", "behavioural"];

    public static string Name(this InterviewStyle style) => Names[(int)style];

    public static InterviewStyle Parse(string? text) => (text?.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_')) switch
    {
        null or "" or "technical" or "tech" or "concepts" => InterviewStyle.Technical,
        "system_design" or "systemdesign" or "design" or "system" => InterviewStyle.SystemDesign,
        "behavioural" or "behavioral" or "behaviour" or "behavior" or "star" => InterviewStyle.Behavioural,
        _ => throw PromptArguments.Invalid($"style '{text}' is not one of {string.Join(", ", Names)}"),
    };
}
