using System.IO.Pipelines;
using System.Text.Json;
using LlmPrep.Core;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Grading;
using LlmPrep.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
    private StreamReader? _rawReader;

    private McpHarness(ServerSettings settings, bool ownsData, TimeProvider? time, LogCapture? logs, Action<IMcpServerBuilder>? configure)
    {
        Settings = settings;
        _ownsData = ownsData;
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        var builder = services.AddLlmPrep(settings).WithStreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream());
        configure?.Invoke(builder);
        _services = services.BuildServiceProvider();
        _serverTask = _services.GetRequiredService<McpServer>().RunAsync(_stop.Token);
    }

    public ServerSettings Settings { get; }

    public McpClient Client { get; private set; } = null!;

    /// <summary>The server's services (the same singletons its handlers use).</summary>
    public IServiceProvider Services => _services;

    /// <param name="protocolVersion">Pins the client to one revision (<c>2026-07-28</c> or <c>2025-11-25</c>); by default it
    /// prefers 2026-07-28 and falls back to the handshake.</param>
    /// <param name="configure">Adds test-only primitives to the server.</param>
    public static async Task<McpHarness> StartAsync(string? corpus = null, string? dataDirectory = null, McpClientOptions? clientOptions = null, TimeProvider? time = null, string? protocolVersion = null, Action<IMcpServerBuilder>? configure = null, LogCapture? logs = null, TimeSpan? busyTimeout = null, GraderSettings? grader = null)
    {
        var settings = new ServerSettings
        {
            Library = new LibraryOptions([new CorpusRoot("fixtures", corpus ?? Fixtures.Corpus)], dataDirectory ?? Fixtures.NewDataDirectory()),
            ProgressBusyTimeout = busyTimeout ?? Core.Progress.ProgressDatabase.DefaultBusyTimeout,
            Grader = grader ?? new GraderSettings(),
        };
        var harness = new McpHarness(settings, dataDirectory is null, time, logs, configure);
        clientOptions ??= new McpClientOptions();
        clientOptions.DiscoverProbeTimeout = TimeSpan.FromSeconds(60);
        clientOptions.ProtocolVersion = protocolVersion ?? clientOptions.ProtocolVersion;
        foreach (var service in harness._services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        harness.Client = await McpClient.CreateAsync(
            new StreamClientTransport(harness._clientToServer.Writer.AsStream(), harness._serverToClient.Reader.AsStream()),
            clientOptions);
        return harness;
    }

    /// <summary>
    /// A connection that speaks raw JSON-RPC lines, for input no typed client can send (such as an escaped unpaired
    /// surrogate); the handshake is done and <see cref="Client"/> is not used.
    /// </summary>
    public static async Task<McpHarness> StartRawAsync()
    {
        var settings = new ServerSettings { Library = new LibraryOptions([new CorpusRoot("fixtures", Fixtures.Corpus)], Fixtures.NewDataDirectory()) };
        var harness = new McpHarness(settings, ownsData: true, time: null, logs: null, configure: null);
        foreach (var service in harness._services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        harness._rawReader = new StreamReader(harness._serverToClient.Reader.AsStream());
        await harness.RequestRawAsync(0, """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
        await harness.WriteRawAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        return harness;
    }

    /// <summary>Sends one raw JSON-RPC request line and returns the response with the same id.</summary>
    public async Task<JsonElement> RequestRawAsync(int id, string json)
    {
        await WriteRawAsync(json);
        while (await _rawReader!.ReadLineAsync() is { } line)
        {
            var message = JsonDocument.Parse(line).RootElement;
            if (message.TryGetProperty("id", out var responseId) && responseId.ValueKind == JsonValueKind.Number && responseId.GetInt32() == id)
            {
                return message;
            }
        }

        throw new InvalidOperationException($"the server closed without answering request {id}");
    }

    private async Task WriteRawAsync(string json)
    {
        var stream = _clientToServer.Writer.AsStream();
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json + "\n"));
        await stream.FlushAsync();
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
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }
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
