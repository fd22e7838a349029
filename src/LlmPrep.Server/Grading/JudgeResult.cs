using LlmPrep.Core.Quiz;

namespace LlmPrep.Server.Grading;

/// <summary>A judge's ruling: a validated verdict with feedback, or the reason there is none.</summary>
public sealed record JudgeResult(AnswerVerdict? Verdict, string? Feedback, string? Problem)
{
    public static JudgeResult Failed(string problem) => new(null, null, problem);
}
