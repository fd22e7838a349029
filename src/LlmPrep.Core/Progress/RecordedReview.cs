namespace LlmPrep.Core.Progress;

/// <summary>The review a write produced, or the one already there when the write decided nothing was to be added.</summary>
/// <param name="Review">The stored review.</param>
/// <param name="Added">False when the review was already recorded (a retried call) and nothing was written.</param>
public sealed record RecordedReview(ReviewRecord Review, bool Added);
