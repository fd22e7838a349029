namespace LlmPrep.Core.Progress;

/// <summary>What the store holds about one card, read inside the write transaction that may record its next review.</summary>
/// <param name="Memory">The card's memory, or null if it was never reviewed.</param>
/// <param name="Last">The card's newest review, or null.</param>
public sealed record CardHistory(CardMemory? Memory, ReviewRecord? Last);
