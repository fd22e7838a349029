namespace LlmPrep.Server.Cli;

/// <summary>What the command line tells a person to run next (its own commands, not the MCP tools an assistant calls).</summary>
internal static class CliHints
{
    public const string FindNotes = "Find notes with: llmprep search <words>";

    /// <summary>"1 day", "3 days", "later today".</summary>
    public static string Days(int days) => days switch
    {
        <= 0 => "later today",
        1 => "1 day",
        _ => $"{days} days",
    };
}
