using System.CommandLine;

namespace LlmPrep.Server.Cli;

/// <summary>The command line: <c>llmprep</c> with no command serves MCP over stdio.</summary>
internal static class CliApp
{
    /// <summary>
    /// The command line parsed: a stdio serve command line by a tree of just what it uses (see
    /// <see cref="ServeInvocation"/>), every other one by the full tree.
    /// </summary>
    public static ParseResult Parse(string[] args)
    {
        var global = new GlobalOptions();
        return ServeInvocation.TryParse(args, global, Serve(global)) ?? Build().Parse(args);
    }

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
        root.SetAction(Serve(global));
        return root;
    }

    /// <summary>What <c>llmprep</c> with no command does: serve MCP over stdio.</summary>
    private static Func<ParseResult, CancellationToken, Task<int>> Serve(GlobalOptions global) =>
        (result, cancellationToken) => ServeCommand.RunAsync(global.Settings(result), cancellationToken);
}
