namespace LlmPrep.Core.Quiz;

/// <summary>A judge's verdict on one key point.</summary>
/// <param name="KeyPoint">The key point's text, as on the card.</param>
/// <param name="Status">Covered, partly, missed or contradicted.</param>
/// <param name="Evidence">The words of the answer the verdict rests on, when there are any.</param>
public sealed record KeyPointVerdict(string KeyPoint, KeyPointStatus Status, string? Evidence = null);
