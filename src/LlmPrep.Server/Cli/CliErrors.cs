namespace LlmPrep.Server.Cli;

/// <summary>Turns an error that escaped a command into the one line a person sees, without a stack trace.</summary>
internal static class CliErrors
{
    public static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            inner = aggregate.InnerExceptions[0];
        }

        var message = inner.Message.Trim();
        return inner switch
        {
            IOException or UnauthorizedAccessException => $"llmprep: {message}",
            _ => $"llmprep: {message} ({inner.GetType().Name})",
        };
    }
}
