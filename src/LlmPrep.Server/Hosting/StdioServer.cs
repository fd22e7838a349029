using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// The stdio server: a service provider, the MCP server on stdin and stdout, the corpus watcher beside it, and an end
/// when stdin ends or the process is asked to stop. It needs no generic host: the host's lifetime, options and metrics
/// services are generic types that Native AOT builds from templates at run time, which was a fifth of start-up in a
/// profile, and nothing here uses them.
/// </summary>
internal static class StdioServer
{
    /// <summary>How long the corpus watcher may take to stop once the session has ended.</summary>
    public static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(ServerSettings settings, Stream input, Stream output, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(_ => CreateLoggerFactory(settings.LogLevel));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));

        // The loggers of the services started before the first answer, closed: an open generic registration is built
        // from its template at run time under Native AOT.
        services.AddSingleton<ILogger<CorpusWatcher>>(provider => new Logger<CorpusWatcher>(provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ILogger<LibraryHost>>(provider => new Logger<LibraryHost>(provider.GetRequiredService<ILoggerFactory>()));
        services.AddLlmPrep(settings);
        var transport = new StdioTransport(input, output);
        services.AddSingleton<ITransport>(transport);
        services.AddSingleton(provider => McpServer.Create(
            provider.GetRequiredService<ITransport>(),
            ServerOptions(provider),
            provider.GetRequiredService<ILoggerFactory>(),
            provider));

        await using var provider = services.BuildServiceProvider();
        transport.Inline = new InlineToolCalls(provider.GetRequiredService<McpServer>(), provider.GetRequiredService<LibraryHost>());
        var background = provider.GetServices<IHostedService>().ToList();
        foreach (var service in background)
        {
            await service.StartAsync(cancellationToken);
        }

        try
        {
            await provider.GetRequiredService<McpServer>().RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Asked to stop (Ctrl+C, SIGTERM): a normal end.
        }
        finally
        {
            using var limit = new CancellationTokenSource(StopLimit);
            foreach (var service in Enumerable.Reverse(background))
            {
                await service.StopAsync(limit.Token);
            }
        }
    }

    /// <summary>
    /// The server's options, made by running their configure steps directly. Resolving <c>IOptions&lt;McpServerOptions&gt;</c>
    /// instead builds the options manager and factory types from their generic templates at run time under Native AOT,
    /// which took about 4 ms of every start in a profile. Nothing else reads the options.
    /// </summary>
    private static McpServerOptions ServerOptions(IServiceProvider provider) =>
        new OptionsFactory<McpServerOptions>(
            provider.GetServices<IConfigureOptions<McpServerOptions>>(),
            provider.GetServices<IPostConfigureOptions<McpServerOptions>>(),
            provider.GetServices<IValidateOptions<McpServerOptions>>()).Create(Options.DefaultName);

    /// <summary>Log lines on stderr at the configured level; the SDK's own lines only from warnings up.</summary>
    public static ILoggerFactory CreateLoggerFactory(LogLevel level) =>
        new LoggerFactory([new LineLoggerProvider()], new LoggerFilterOptions
        {
            MinLevel = level,
            Rules = { new LoggerFilterRule(null, "ModelContextProtocol", LogLevel.Warning, null) },
        });
}
