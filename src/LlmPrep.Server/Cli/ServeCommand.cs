using System.CommandLine;
using LlmPrep.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;

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
            : RunAsync(global.Settings(result), cancellationToken));
        return command;
    }

    /// <summary>
    /// Streamable HTTP at <c>/mcp</c>, with Host/Origin checks against DNS rebinding. 2025-11-25 clients (initialize)
    /// get a session (for resources/subscribe, sampling and elicitation); 2026-07-28 requests are served statelessly,
    /// each on its own, on the same endpoint.
    /// </summary>
    public static async Task<int> RunHttpAsync(ServerSettings settings, string urls, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddLlmPrep(settings).WithHttpTransport(options => options.SessionMode = HttpServerSessionMode.StatefulForInitializeClients);

        await using var app = builder.Build();
        var guard = new LocalRequestGuard(settings.AllowedHosts);
        app.Use(guard.InvokeAsync);
        app.MapMcp("/mcp");
        await app.StartAsync(cancellationToken);
        foreach (var address in app.Urls)
        {
            Console.Error.WriteLine($"llmprep: MCP over Streamable HTTP at {address.TrimEnd('/')}/mcp");
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    public static async Task<int> RunAsync(ServerSettings settings, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(settings: null);
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("ModelContextProtocol", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Services.AddLlmPrep(settings).WithStdioServerTransport();

        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
        return 0;
    }
}
