using System.CommandLine;
using LlmPrep.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmPrep.Server.Cli;

/// <summary><c>llmprep serve</c> (the default): MCP over stdio. stdout carries only JSON-RPC; logs go to stderr.</summary>
internal static class ServeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("serve", "Run the MCP server over stdio (what assistants launch; the default command).");
        command.SetAction((result, cancellationToken) => RunAsync(global.Settings(result), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ServerSettings settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(settings: null);
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("ModelContextProtocol", LogLevel.Warning);
        builder.Services.AddLlmPrep(settings).WithStdioServerTransport();

        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
