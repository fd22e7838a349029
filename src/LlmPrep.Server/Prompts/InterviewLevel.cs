using LlmPrep.Core.Corpus;

namespace LlmPrep.Server.Prompts;

/// <summary>The seniority a mock interview holds the candidate to.</summary>
internal enum InterviewLevel
{
    Junior,
    Mid,
    Senior,
    Staff,
}

internal static class InterviewLevels
{
    /// <summary>The names offered in completions, in this order.</summary>
    public static readonly string[] Names = ["junior", "mid", "senior", "staff"];

    public static string Name(this InterviewLevel level) => Names[(int)level];

    /// <summary>Seniority names, or the corpus's note levels as their equivalents (beginner = junior … expert = staff).</summary>
    public static InterviewLevel Parse(string? text) => (text?.Trim().ToLowerInvariant().Replace('_', '-')) switch
    {
        null or "" or "mid" or "mid-level" or "middle" or "intermediate" => InterviewLevel.Mid,
        "junior" or "entry" or "graduate" or "beginner" => InterviewLevel.Junior,
        "senior" or "advanced" => InterviewLevel.Senior,
        "staff" or "principal" or "lead" or "expert" => InterviewLevel.Staff,
        _ => throw PromptArguments.Invalid($"level '{text}' is not one of {string.Join(", ", Names)}"),
    };

    /// <summary>What passing looks like at this level in a round of this style, in a sentence.</summary>
    public static string Bar(this InterviewLevel level, InterviewStyle style) => (style, level) switch
    {
        (InterviewStyle.Behavioural, InterviewLevel.Junior) => "clear stories about their own work, each with a result and something learned.",
        (InterviewStyle.Behavioural, InterviewLevel.Mid) => "owns decisions end to end, backs them with evidence, handles disagreement constructively.",
        (InterviewStyle.Behavioural, InterviewLevel.Senior) => "leads through ambiguity, changes decisions beyond their own work with data, owns failures openly, lifts others.",
        (InterviewStyle.Behavioural, _) => "sets technical direction across teams, resolves conflict between groups, and measures impact at the organisation level.",
        (_, InterviewLevel.Junior) => "correct fundamentals explained with an example; knows the standard pipeline; may need prompting to reach trade-offs.",
        (_, InterviewLevel.Mid) => "correct and structured; names the main trade-offs unprompted; has built it and can say how it was measured.",
        (_, InterviewLevel.Senior) => "drives the answer: trade-offs with numbers (latency, cost, quality), failure modes and how to detect them, evaluation before opinion, adapts when a requirement changes.",
        _ => "everything senior, plus scope: build versus buy, platform and multi-team concerns, risk and compliance, a roadmap; simplifies rather than adds.",
    };

    /// <summary>The rubric scores that pass at this level in a round of this style.</summary>
    public static string PassMark(this InterviewLevel level, InterviewStyle style) => (style, level) switch
    {
        (_, InterviewLevel.Senior) => "at least 3 on every dimension",
        (InterviewStyle.Technical, InterviewLevel.Junior) => "at least 3 on correctness and 2 elsewhere",
        (InterviewStyle.Technical, InterviewLevel.Mid) => "at least 3 on correctness and communication, 2 elsewhere",
        (InterviewStyle.Technical, _) => "at least 3 on every dimension and 4 on trade-offs",
        (InterviewStyle.SystemDesign, InterviewLevel.Junior) => "at least 3 on architecture and 2 elsewhere",
        (InterviewStyle.SystemDesign, InterviewLevel.Mid) => "at least 3 on requirements, architecture and communication, 2 elsewhere",
        (InterviewStyle.SystemDesign, _) => "at least 3 on every dimension and 4 on requirements and on latency, cost and scale",
        (_, InterviewLevel.Junior) => "at least 3 on structure and ownership, 2 elsewhere",
        (_, InterviewLevel.Mid) => "at least 3 on structure, ownership and evidence, 2 elsewhere",
        _ => "at least 3 on every dimension and 4 on ownership and reflection",
    };
}
