using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Quiz;

/// <summary>How an answer measured up against a card.</summary>
/// <param name="Score">Share of key points covered, 0 to 1.</param>
/// <param name="Rating">The suggested FSRS rating.</param>
/// <param name="Covered">Key points the answer covered.</param>
/// <param name="Missed">Key points the answer missed.</param>
/// <param name="Feedback">A short paragraph for the person.</param>
/// <param name="Grader"><c>key_points</c> (deterministic) or <c>sampling</c> (the client's model).</param>
public sealed record Grade(double Score, Rating Rating, IReadOnlyList<string> Covered, IReadOnlyList<string> Missed, string Feedback, string Grader);
