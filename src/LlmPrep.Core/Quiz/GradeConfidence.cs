namespace LlmPrep.Core.Quiz;

/// <summary>How sure a grade is, from 0 to 1, and the word for it: high, medium or low.</summary>
public static class GradeConfidence
{
    /// <summary>At or above this a grade is "high".</summary>
    public const double High = 0.75;

    /// <summary>At or above this a grade is "medium"; below it "low".</summary>
    public const double Medium = 0.5;

    public static string Level(double confidence) => confidence switch
    {
        >= High => "high",
        >= Medium => "medium",
        _ => "low",
    };
}
