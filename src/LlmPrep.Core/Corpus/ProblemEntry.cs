namespace LlmPrep.Core.Corpus;

/// <summary>One problem: where (<c>file:line</c>), how bad (error or warning), and what.</summary>
public sealed record ProblemEntry(string Where, string Severity, string Message);
