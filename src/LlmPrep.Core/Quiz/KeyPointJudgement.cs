namespace LlmPrep.Core.Quiz;

/// <summary>A judge's word on one key point, by its 1-based number on the card.</summary>
/// <param name="Index">1 for the card's first key point.</param>
/// <param name="Status">Covered, partly, missed or contradicted.</param>
/// <param name="Evidence">The words of the answer it rests on, if any.</param>
public sealed record KeyPointJudgement(int Index, KeyPointStatus Status, string? Evidence = null);
