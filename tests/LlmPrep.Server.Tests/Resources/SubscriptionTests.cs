using System.Text.Json;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Resources;

/// <summary>Live corpora: subscribed clients hear about edited notes, new notes and progress changes.</summary>
public sealed class SubscriptionTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly string _corpus = Directory.CreateTempSubdirectory("llmprep-live-").FullName;
    private readonly List<string> _updated = [];
    private readonly SemaphoreSlim _signal = new(0);
    private McpHarness _mcp = null!;
    private int _listChanged;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Fixtures.Corpus, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_corpus, Path.GetRelativePath(Fixtures.Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // resources/subscribe is the 2025-11-25 mechanism that today's clients (Claude, VS Code, the TypeScript SDK) use.
        _mcp = await McpHarness.StartAsync(corpus: _corpus, clientOptions: new McpClientOptions { ProtocolVersion = "2025-11-25" });
        _mcp.Client.RegisterNotificationHandler(NotificationMethods.ResourceUpdatedNotification, (notification, _) =>
        {
            lock (_updated)
            {
                _updated.Add(notification.Params!.Deserialize<ResourceUpdatedNotificationParams>(McpJsonUtilities.DefaultOptions)!.Uri);
            }

            _signal.Release();
            return ValueTask.CompletedTask;
        });
        _mcp.Client.RegisterNotificationHandler(NotificationMethods.ResourceListChangedNotification, (_, _) =>
        {
            Interlocked.Increment(ref _listChanged);
            _signal.Release();
            return ValueTask.CompletedTask;
        });

        // Listing loads the library (which starts the watcher) and tells the server this client follows the list.
        await _mcp.Client.ListResourcesAsync();
        await Task.Delay(300);
    }

    public async Task DisposeAsync()
    {
        await _mcp.DisposeAsync();
        Directory.Delete(_corpus, recursive: true);
    }

    public void Dispose() => _signal.Dispose();

    [Fact]
    public async Task Server_declares_subscriptions_and_list_changes()
    {
        Assert.True(_mcp.Client.ServerCapabilities.Resources?.Subscribe);
        Assert.True(_mcp.Client.ServerCapabilities.Resources?.ListChanged);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Editing_a_subscribed_note_sends_an_update_and_serves_the_new_text()
    {
        const string uri = "llmprep://notes/03-rag-and-embeddings/vector-databases";
        await _mcp.Client.SubscribeToResourceAsync(uri);

        var path = Path.Combine(_corpus, "03-rag-and-embeddings", "vector-databases.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("A layered proximity graph", "A layered navigable small-world graph", StringComparison.Ordinal));

        Assert.True(await WaitForAsync(() => Updated().Contains(uri)), "no resources/updated notification");
        var text = ((TextResourceContents)(await _mcp.Client.ReadResourceAsync(uri)).Contents[0]).Text;
        Assert.Contains("navigable small-world", text, StringComparison.Ordinal);
        Assert.NotEmpty((await _mcp.CallOkAsync("search_notes", new() { ["query"] = "navigable" })).GetProperty("hits").EnumerateArray());
        Assert.Equal(0, Volatile.Read(ref _listChanged));
    }

    [Fact]
    public async Task Adding_a_note_sends_one_list_change_however_often_the_client_listed()
    {
        await _mcp.Client.ListResourcesAsync();
        await _mcp.Client.ListResourcesAsync();
        var source = File.ReadAllText(Path.Combine(_corpus, "03-rag-and-embeddings", "vector-databases.md"));
        File.WriteAllText(Path.Combine(_corpus, "03-rag-and-embeddings", "pgvector.md"), source.Replace("id: vector-databases", "id: pgvector", StringComparison.Ordinal));

        Assert.True(await WaitForAsync(() => Volatile.Read(ref _listChanged) > 0), "no resources/list_changed notification");
        Assert.Contains(await _mcp.Client.ListResourcesAsync(), r => r.Uri == "llmprep://notes/03-rag-and-embeddings/pgvector");
        await _mcp.Client.PingAsync();
        Assert.Equal(1, Volatile.Read(ref _listChanged));
    }

    [Fact]
    public async Task Unsubscribing_stops_the_updates()
    {
        const string vectors = "llmprep://notes/03-rag-and-embeddings/vector-databases";
        const string hybrid = "llmprep://notes/03-rag-and-embeddings/hybrid-search";
        await _mcp.Client.SubscribeToResourceAsync(vectors);
        await _mcp.Client.SubscribeToResourceAsync(hybrid);
        await _mcp.Client.UnsubscribeFromResourceAsync(vectors);

        foreach (var name in new[] { "vector-databases.md", "hybrid-search.md" })
        {
            var path = Path.Combine(_corpus, "03-rag-and-embeddings", name);
            File.AppendAllText(path, "\nOne more line.\n");
        }

        Assert.True(await WaitForAsync(() => Updated().Contains(hybrid)), "no update for the note still subscribed");
        await _mcp.Client.PingAsync();
        Assert.DoesNotContain(vectors, Updated());
    }

    [Fact]
    public async Task Answering_a_quiz_updates_progress_subscribers()
    {
        await _mcp.Client.SubscribeToResourceAsync("llmprep://progress");

        await _mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "clusters" });

        Assert.True(await WaitForAsync(() => Updated().Contains("llmprep://progress")), "no update for llmprep://progress");
    }

    [Theory]
    [InlineData("llmprep://notes/../secret", "'..' segments")]
    [InlineData("llmprep://secrets", "cannot subscribe")]
    [InlineData("llmprep://notes/01-foundations/missing", "no note at")]
    public async Task Subscribing_to_unknown_resources_is_a_clear_error(string uri, string expected)
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => _mcp.Client.SubscribeToResourceAsync(uri));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_to_other_schemes_are_accepted_and_stay_quiet()
    {
        await _mcp.Client.SubscribeToResourceAsync("test://watched-resource");
        await _mcp.Client.UnsubscribeFromResourceAsync("test://watched-resource");

        Assert.Empty(Updated());
    }

    private List<string> Updated()
    {
        lock (_updated)
        {
            return [.. _updated];
        }
    }

    private async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            await _signal.WaitAsync(left);
        }

        return true;
    }
}
