using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Quiz;

/// <summary>How an answer measured up against a card.</summary>
/// <param name="Score">Share of key points covered, 0 to 1.</param>
/// <param name="Rating">The suggested FSRS rating.</param>
/// <param name="Covered">Key points the answer covered.</param>
/// <param name="Missed">Key points the answer did not fully cover (partly, missed or contradicted).</param>
/// <param name="Feedback">A short paragraph for the person.</param>
/// <param name="Grader"><c>key_points</c> (deterministic) or <c>sampling</c> (the client's model).</param>
/// <param name="Verdict">The judge's status for each key point, with the words of the answer it rests on.</param>
/// <param name="Confidence">How sure the judge is, 0 to 1 (see <see cref="GradeConfidence"/>); null when it does not say.</param>
public sealed record Grade(
    double Score,
    Rating Rating,
    IReadOnlyList<string> Covered,
    IReadOnlyList<string> Missed,
    string Feedback,
    string Grader,
    AnswerVerdict? Verdict = null,
    double? Confidence = null)
{
    /// <summary>high, medium or low; null when the judge gives no confidence.</summary>
    public string? ConfidenceLevel => Confidence is { } c ? GradeConfidence.Level(c) : null;
}
