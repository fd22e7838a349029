using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>
/// One <c>/mcp</c> endpoint, both revisions: 2026-07-28 requests served statelessly (no session for any tool, updates
/// over a subscriptions/listen stream), 2025-11-25 clients in a session (resources/subscribe, notifications on the GET stream).
/// </summary>
public sealed class HttpRevisionTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _data = Fixtures.NewDataDirectory();
    private readonly int _port = FreePort();
    private Process _server = null!;

    private string Url => $"http://127.0.0.1:{_port}/mcp";

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Fixtures.ServerDll, "serve", "--http", "--urls", $"http://127.0.0.1:{_port}", "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data })
        {
            start.ArgumentList.Add(arg);
        }

        _server = Process.Start(start)!;
        _ = _server.StandardOutput.ReadToEndAsync();
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                await http.GetAsync(Url);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("the HTTP server did not start: " + await _server.StandardError.ReadToEndAsync());
    }

    public async Task DisposeAsync()
    {
        _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();
        _server.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<McpClient> ConnectAsync(string revision, McpClientOptions? options = null)
    {
        options ??= new McpClientOptions();
        options.ProtocolVersion = revision;
        options.DiscoverProbeTimeout = TimeSpan.FromSeconds(60);
        return McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(Url) }), options);
    }

    [Fact]
    public async Task A_current_revision_client_needs_no_session_for_any_tool()
    {
        await using var client = await ConnectAsync("2026-07-28");

        Assert.Equal("2026-07-28", client.NegotiatedProtocolVersion);
        Assert.Null(client.SessionId);
        var next = await client.CallToolAsync("quiz_next", new Dictionary<string, object?> { ["topic"] = "hybrid search" });
        var card = next.StructuredContent!.Value.GetProperty("card").GetProperty("card_id").GetString()!;
        var answer = await client.CallToolAsync("quiz_answer", new Dictionary<string, object?> { ["card_id"] = card, ["answer"] = "BM25 finds exact terms." });
        Assert.True(answer.IsError is not true, string.Join('\n', answer.Content.OfType<TextContentBlock>().Select(b => b.Text)));
        var rate = await client.CallToolAsync("quiz_rate", new Dictionary<string, object?> { ["card_id"] = card, ["rating"] = "good" });
        Assert.Equal("good", rate.StructuredContent!.Value.GetProperty("rating").GetString());
        var report = await client.CallToolAsync("progress_report", new Dictionary<string, object?>());
        Assert.Equal(1, report.StructuredContent!.Value.GetProperty("reviews").GetInt32());
    }

    [Fact]
    public async Task A_handshake_client_gets_a_session_and_resource_updates()
    {
        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = await ConnectAsync("2025-11-25");
        Assert.Equal("2025-11-25", client.NegotiatedProtocolVersion);
        Assert.False(string.IsNullOrEmpty(client.SessionId));

        await using var subscription = await client.SubscribeToResourceAsync("llmprep://progress", (p, _) =>
        {
            updated.TrySetResult(p.Uri);
            return ValueTask.CompletedTask;
        });
        await client.CallToolAsync("quiz_answer", new Dictionary<string, object?> { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "clusters" });

        Assert.Equal("llmprep://progress", await updated.Task.WaitAsync(Wait));
    }

    [Fact]
    public async Task A_current_revision_listen_stream_carries_updates_over_http()
    {
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = await ConnectAsync("2026-07-28", new McpClientOptions
        {
            Handlers = new McpClientHandlers
            {
                NotificationHandlers =
                [
                    new(NotificationMethods.SubscriptionsAcknowledgedNotification, (_, _) =>
                    {
                        acknowledged.TrySetResult();
                        return ValueTask.CompletedTask;
                    }),
                    new(NotificationMethods.ResourceUpdatedNotification, (n, _) =>
                    {
                        received.TrySetResult(JsonSerializer.Deserialize<JsonElement>(n.Params!.ToJsonString()));
                        return ValueTask.CompletedTask;
                    }),
                ],
            },
        });
        using var stop = new CancellationTokenSource();
        var listen = listener.SendRequestAsync(
            new JsonRpcRequest
            {
                Method = RequestMethods.SubscriptionsListen,
                Params = new JsonObject { ["notifications"] = new JsonObject { ["resourceSubscriptions"] = new JsonArray("llmprep://progress") } },
            },
            stop.Token);
        await acknowledged.Task.WaitAsync(Wait);

        await using var other = await ConnectAsync("2026-07-28");
        await other.CallToolAsync("quiz_answer", new Dictionary<string, object?> { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "clusters" });

        var update = await received.Task.WaitAsync(Wait);
        Assert.Equal("llmprep://progress", update.GetProperty("uri").GetString());
        Assert.True(update.GetProperty("_meta").TryGetProperty("io.modelcontextprotocol/subscriptionId", out _));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listen);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
