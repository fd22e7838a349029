namespace LlmPrep.Core.Corpus;

/// <summary>A short account of the corpus's problems: counts and the first few.</summary>
/// <param name="Errors">How many errors (a note skipped or served in part).</param>
/// <param name="Warnings">How many warnings.</param>
/// <param name="Files">How many files have a problem.</param>
/// <param name="First">The first few problems, errors first.</param>
/// <param name="Resource">The resource that lists them all.</param>
public sealed record ProblemSummary(int Errors, int Warnings, int Files, IReadOnlyList<ProblemEntry> First, string Resource);
