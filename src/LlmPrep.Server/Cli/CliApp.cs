using System.CommandLine;

namespace LlmPrep.Server.Cli;

/// <summary>The command line: <c>llmprep</c> with no command serves MCP over stdio.</summary>
internal static class CliApp
{
    public static RootCommand Build()
    {
        var global = new GlobalOptions();
        var root = new RootCommand("LlmPrep: an MCP server and CLI for LLM / GenAI-engineer interview preparation.");
        global.AddTo(root);
        root.Subcommands.Add(ServeCommand.Create(global));
        root.Subcommands.Add(SearchCommand.Create(global));
        root.Subcommands.Add(ReadCommand.Create(global));
        root.Subcommands.Add(IndexCommand.Create(global));
        root.Subcommands.Add(LintCommand.Create(global));
        root.Subcommands.Add(QuizCommand.Create(global));
        root.Subcommands.Add(ProgressCommand.Create(global));
        root.Subcommands.Add(ExportCommand.Create(global));
        root.Subcommands.Add(BenchCommand.Create(global));
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(TokenCommand.Create(global));
        root.SetAction((result, cancellationToken) => ServeCommand.RunAsync(global.Settings(result), cancellationToken));
        return root;
    }
}
