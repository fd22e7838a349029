namespace LlmPrep.Core.Grading;

/// <summary>
/// What the local grader must reach on the main grading set: correct answers rated good or easy at least 80% of
/// the time, half answers hard at least 80%, filler again always, and no wrong answer rated good with high confidence.
/// </summary>
public static class GradingTargets
{
    public static double? For(string kind) => kind switch
    {
        "correct" => 0.8,
        "half" => 0.8,
        "filler" => 1.0,
        _ => null,
    };

    public static bool Met(GradingResult result) =>
        result.PerKind.All(k => For(k.Kind) is not { } target || k.Share >= target) && result.ConfidentlyPassedWrong == 0;
}
