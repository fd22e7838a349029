
namespace LlmPrep.Core.Progress;

/// <summary>A review to record: the card, the grading, and the memory states either side of it.</summary>
/// <remarks><see cref="Verdict"/> is the judge's per-key-point verdict as text; <see cref="Provisional"/> marks a rating that awaits a judge.</remarks>
public sealed record NewReview(
    string CardId,
    string NoteId,
    DateTimeOffset ReviewedAt,
    Rating Rating,
    double? Score,
    string Grader,
    string? Answer,
    IReadOnlyList<string> Missed,
    CardMemory Before,
    CardMemory After,
    string? Verdict = null,
    bool Provisional = false);
