
namespace LlmPrep.Core.Progress;

/// <summary>One graded review of a card, as stored.</summary>
/// <param name="Id">Row id; <c>quiz_rate</c> amends a review by it.</param>
/// <param name="CardId">The card, <c>&lt;note id&gt;/&lt;question slug&gt;</c>: history survives index rebuilds and note edits.</param>
/// <param name="NoteId">The card's note when it was reviewed.</param>
/// <param name="ReviewedAt">When it was reviewed.</param>
/// <param name="Rating">The rating that scheduled the card (after any amendment).</param>
/// <param name="Score">Share of key points covered, 0 to 1, when the answer was graded.</param>
/// <param name="Grader">Who rated it: <c>sampling</c>, <c>key_points</c>, <c>self</c>, <c>assistant</c> or <c>revealed</c>.</param>
/// <param name="Answer">What the person answered (null for a reveal).</param>
/// <param name="Missed">Key points the answer missed.</param>
/// <param name="Before">The card's memory before this review (kept so an amended rating can be replayed).</param>
/// <param name="After">The card's memory after this review.</param>
/// <param name="AmendedAt">When the rating was replaced, if it was.</param>
/// <param name="Verdict">The judge's per-key-point verdict, as text, when one was given.</param>
/// <param name="Provisional">True while the rating awaits a judge (it stands if none comes before the next card).</param>
public sealed record ReviewRecord(
    long Id,
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
    DateTimeOffset? AmendedAt,
    string? Verdict = null,
    bool Provisional = false);
