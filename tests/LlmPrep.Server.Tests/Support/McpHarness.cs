using System.IO.Pipelines;
using System.Text.Json;
using LlmPrep.Core;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Grading;
using LlmPrep.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tests.Support;

/// <summary>
/// The real server surface (the same registration and background services as the stdio host) wired to
/// an MCP client over in-memory pipes, on a corpus and data folder of the test's choosing.
/// </summary>
public sealed class McpHarness : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _services;
    private readonly Task _serverTask;
    private readonly bool _ownsData;

    private McpHarness(ServerSettings settings, bool ownsData, TimeProvider? time)
    {
        Settings = settings;
        _ownsData = ownsData;
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLlmPrep(settings).WithStreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream());
        _services = services.BuildServiceProvider();
        _serverTask = _services.GetRequiredService<McpServer>().RunAsync(_stop.Token);
    }

    public ServerSettings Settings { get; }

    public McpClient Client { get; private set; } = null!;

    public static async Task<McpHarness> StartAsync(
        string? corpus = null, string? dataDirectory = null, McpClientOptions? clientOptions = null, TimeProvider? time = null, GraderSettings? grader = null)
    {
        var settings = new ServerSettings
        {
            Library = new LibraryOptions([new CorpusRoot("fixtures", corpus ?? Fixtures.Corpus)], dataDirectory ?? Fixtures.NewDataDirectory()),
            Grader = grader ?? new GraderSettings(),
        };
        var harness = new McpHarness(settings, dataDirectory is null, time);
        clientOptions ??= new McpClientOptions();
        clientOptions.DiscoverProbeTimeout = TimeSpan.FromSeconds(60);
        foreach (var service in harness._services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        harness.Client = await McpClient.CreateAsync(
            new StreamClientTransport(harness._clientToServer.Writer.AsStream(), harness._serverToClient.Reader.AsStream()),
            clientOptions);
        return harness;
    }

    public ValueTask<CallToolResult> CallAsync(string tool, Dictionary<string, object?> arguments) =>
        Client.CallToolAsync(tool, arguments);

    /// <summary>Calls a tool that must succeed and returns its structured content.</summary>
    public async Task<JsonElement> CallOkAsync(string tool, Dictionary<string, object?> arguments)
    {
        var result = await CallAsync(tool, arguments);
        Assert.True(result.IsError is not true, $"{tool} failed: {Text(result)}");
        Assert.NotNull(result.StructuredContent);
        return result.StructuredContent!.Value;
    }

    /// <summary>Calls a tool that must fail with a clear message, and returns that message.</summary>
    public async Task<string> CallErrorAsync(string tool, Dictionary<string, object?> arguments)
    {
        var result = await CallAsync(tool, arguments);
        Assert.True(result.IsError, $"{tool} should have failed but returned: {Text(result)}");
        return Text(result);
    }

    public static string Text(CallToolResult result) =>
        string.Join('\n', result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        foreach (var service in _services.GetServices<IHostedService>())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _stop.CancelAsync();
        _clientToServer.Writer.Complete();
        _serverToClient.Writer.Complete();
        try
        {
            await _serverTask;
        }
        catch (OperationCanceledException)
        {
        }

        await _services.DisposeAsync();
        _stop.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsData)
        {
            try
            {
                Directory.Delete(Settings.Library.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
