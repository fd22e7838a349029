namespace LlmPrep.Core.Progress;

/// <summary>The progress store cannot be used as it is; the message says what is wrong with which path and what to do. Nothing was changed.</summary>
public sealed class ProgressStoreException(ProgressProblem problem, string message, Exception? inner = null) : Exception(message, inner)
{
    public ProgressProblem Problem { get; } = problem;

    /// <summary>True when the same call can succeed later without anyone changing anything (another process is writing, the server is restarting).</summary>
    public bool IsTransient => Problem is ProgressProblem.Busy or ProgressProblem.Unreachable;
}
