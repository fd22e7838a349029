
namespace LlmPrep.Core.Progress;

/// <summary>A review to record: the card, the grading, and the memory states either side of it.</summary>
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
    CardMemory After);
