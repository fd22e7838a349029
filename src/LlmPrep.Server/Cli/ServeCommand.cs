using System.CommandLine;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace LlmPrep.Server.Cli;

/// <summary>
/// <c>llmprep serve</c> (the default): MCP over stdio, where stdout carries only JSON-RPC and logs go to
/// stderr; or <c>serve --http</c>: Streamable HTTP for clients that connect by URL.
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:3001";

    public static Command Create(GlobalOptions global)
    {
        var http = new Option<bool>("--http") { Description = "Serve Streamable HTTP at /mcp instead of stdio." };
        var urls = new Option<string>("--urls") { Description = $"Where to listen with --http (default {DefaultUrls}).", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("serve", "Run the MCP server over stdio (what assistants launch; the default command), or over HTTP.") { http, urls };
        command.SetAction((result, cancellationToken) => result.GetValue(http)
            ? RunHttpAsync(global.Settings(result), result.GetValue(urls)!, cancellationToken)
            : RunStdioAsync(result, global, cancellationToken));
        return command;
    }

    /// <summary>Streamable HTTP at <c>/mcp</c>, with sessions (so sampling works); see <see cref="HttpHost"/> for the binding and token rules.</summary>
    public static async Task<int> RunHttpAsync(ServerSettings settings, string urls, CancellationToken cancellationToken)
    {
        var (built, refusal) = HttpHost.Build(settings, urls);
        if (built is null)
        {
            Console.Error.WriteLine($"llmprep: {refusal}");
            return 2;
        }

        await using var app = built;
        await app.StartAsync(cancellationToken);
        foreach (var address in app.Urls)
        {
            Console.Error.WriteLine($"llmprep: MCP over Streamable HTTP at {address.TrimEnd('/')}/mcp");
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    private static Task<int> RunStdioAsync(ParseResult result, GlobalOptions global, CancellationToken cancellationToken)
    {
        ProtocolMetadata.BuildInBackground();
        return RunAsync(global.Settings(result), cancellationToken);
    }

    /// <summary>What a person who starts the server in a terminal sees: it waits for an assistant, and the CLI is elsewhere.</summary>
    public const string TerminalHint =
        "llmprep: this is an MCP server waiting for JSON-RPC on stdin (an assistant such as Claude Desktop or VS Code launches it); press Ctrl+C to stop. For the terminal commands (search, read, quiz, progress…) run: llmprep --help";

    public static async Task<int> RunAsync(ServerSettings settings, CancellationToken cancellationToken)
    {
        var (input, output) = (Console.OpenStandardInput(), Console.OpenStandardOutput());
        if (!Console.IsInputRedirected)
        {
            Console.Error.WriteLine(TerminalHint);
        }

        await StdioServer.RunAsync(settings, input, output, cancellationToken);
        return 0;
    }
}
