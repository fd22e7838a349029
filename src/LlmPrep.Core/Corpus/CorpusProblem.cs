namespace LlmPrep.Core.Corpus;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>Something wrong with a note, reported with the file and line it was found at.</summary>
public sealed record CorpusProblem(string File, int Line, ProblemSeverity Severity, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}
