using System.Text.Json.Nodes;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Resources;

/// <summary>
/// 2026-07-28 clients follow resources with <c>subscriptions/listen</c>: one long request, acknowledged first, then
/// every update and list change it asked for, tagged with its id. No initialize, no notifications/initialized: the
/// watcher runs anyway.
/// </summary>
public sealed class ListenSubscriptionTests : IAsyncLifetime, IDisposable
{
    private const string VectorDatabases = "llmprep://notes/03-rag-and-embeddings/vector-databases";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly string _corpus = Directory.CreateTempSubdirectory("llmprep-listen-").FullName;
    private readonly List<(string Method, JsonNode? Params)> _received = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _listen = new();
    private McpHarness _mcp = null!;
    private Task<JsonRpcResponse>? _listenRequest;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Fixtures.Corpus, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_corpus, Path.GetRelativePath(Fixtures.Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        _mcp = await McpHarness.StartAsync(corpus: _corpus, protocolVersion: "2026-07-28");
        foreach (var method in new[] { NotificationMethods.SubscriptionsAcknowledgedNotification, NotificationMethods.ResourceUpdatedNotification, NotificationMethods.ResourceListChangedNotification })
        {
            _mcp.Client.RegisterNotificationHandler(method, (notification, _) =>
            {
                lock (_received)
                {
                    _received.Add((notification.Method, notification.Params?.DeepClone()));
                }

                _signal.Release();
                return ValueTask.CompletedTask;
            });
        }
    }

    public async Task DisposeAsync()
    {
        await _listen.CancelAsync();
        await _mcp.DisposeAsync();
        Directory.Delete(_corpus, recursive: true);
    }

    public void Dispose()
    {
        _signal.Dispose();
        _listen.Dispose();
    }

    private async Task<JsonObject> ListenAsync(params string[] uris)
    {
        var notifications = new JsonObject { ["resourcesListChanged"] = true, ["toolsListChanged"] = true };
        if (uris.Length > 0)
        {
            notifications["resourceSubscriptions"] = new JsonArray([.. uris.Select(u => JsonValue.Create(u))]);
        }

        _listenRequest = _mcp.Client.SendRequestAsync(
            new JsonRpcRequest { Method = RequestMethods.SubscriptionsListen, Params = new JsonObject { ["notifications"] = notifications } },
            _listen.Token);
        Assert.True(await WaitForAsync(() => Received(NotificationMethods.SubscriptionsAcknowledgedNotification).Count > 0), "no subscriptions/acknowledged");
        return Received(NotificationMethods.SubscriptionsAcknowledgedNotification)[0];
    }

    [Fact]
    public async Task The_acknowledgement_grants_list_changes_and_the_uris_that_exist()
    {
        var ack = await ListenAsync(VectorDatabases, "llmprep://progress", "llmprep://notes/01-foundations/missing", "llmprep://secrets");

        var granted = ack["notifications"]!;
        Assert.True(granted["resourcesListChanged"]!.GetValue<bool>());
        Assert.True(granted["toolsListChanged"]!.GetValue<bool>());
        Assert.Null(granted["promptsListChanged"]);
        Assert.Equal([VectorDatabases, "llmprep://progress"], granted["resourceSubscriptions"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.NotNull(ack["_meta"]!["io.modelcontextprotocol/subscriptionId"]);
    }

    [Fact]
    public async Task Editing_a_followed_note_streams_an_update_tagged_with_the_subscription()
    {
        var ack = await ListenAsync(VectorDatabases);
        var path = Path.Combine(_corpus, "03-rag-and-embeddings", "vector-databases.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("A layered proximity graph", "A layered navigable small-world graph", StringComparison.Ordinal));

        Assert.True(await WaitForAsync(() => Received(NotificationMethods.ResourceUpdatedNotification).Count > 0), "no resources/updated notification");
        var update = Received(NotificationMethods.ResourceUpdatedNotification)[0];
        Assert.Equal(VectorDatabases, update["uri"]!.GetValue<string>());
        Assert.Equal(ack["_meta"]!["io.modelcontextprotocol/subscriptionId"]!.ToJsonString(), update["_meta"]!["io.modelcontextprotocol/subscriptionId"]!.ToJsonString());
        var text = ((TextResourceContents)(await _mcp.Client.ReadResourceAsync(VectorDatabases)).Contents[0]).Text;
        Assert.Contains("navigable small-world", text, StringComparison.Ordinal);
        Assert.Empty(Received(NotificationMethods.ResourceListChangedNotification));
    }

    [Fact]
    public async Task Adding_a_note_streams_a_list_change()
    {
        await ListenAsync();
        var source = File.ReadAllText(Path.Combine(_corpus, "03-rag-and-embeddings", "vector-databases.md"));
        File.WriteAllText(Path.Combine(_corpus, "03-rag-and-embeddings", "pgvector.md"), source.Replace("id: vector-databases", "id: pgvector", StringComparison.Ordinal));

        Assert.True(await WaitForAsync(() => Received(NotificationMethods.ResourceListChangedNotification).Count > 0), "no resources/list_changed notification");
        Assert.Contains(await _mcp.Client.ListResourcesAsync(), r => r.Uri == "llmprep://notes/03-rag-and-embeddings/pgvector");
    }

    [Fact]
    public async Task Answering_a_quiz_streams_a_progress_update()
    {
        await ListenAsync("llmprep://progress");

        await _mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "clusters" });

        Assert.True(await WaitForAsync(() => Received(NotificationMethods.ResourceUpdatedNotification).Any(p => p["uri"]!.GetValue<string>() == "llmprep://progress")), "no update for llmprep://progress");
    }

    [Fact]
    public async Task Legacy_subscribe_is_refused_with_a_pointer_to_listen()
    {
        var error = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(() => _mcp.Client.SubscribeToResourceAsync(VectorDatabases));

        Assert.Contains("subscriptions/listen", error.Message, StringComparison.Ordinal);
    }

    private List<JsonObject> Received(string method)
    {
        lock (_received)
        {
            return [.. _received.Where(r => r.Method == method).Select(r => r.Params as JsonObject ?? [])];
        }
    }

    private async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _listenRequest is { IsFaulted: true })
            {
                return false;
            }

            await _signal.WaitAsync(left);
        }

        return true;
    }
}
