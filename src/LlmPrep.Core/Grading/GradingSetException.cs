namespace LlmPrep.Core.Grading;

/// <summary>A grading set that cannot be read or does not fit the corpus.</summary>
public sealed class GradingSetException(string message) : Exception(message);
