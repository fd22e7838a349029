using System.Diagnostics;
using System.Text.Json.Nodes;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>
/// Raw JSON-RPC lines to the built server over stdio, speaking 2026-07-28 the way the revision says: no initialize, no
/// notifications/initialized, the protocol version and client capabilities in every request's <c>_meta</c>.
/// </summary>
public sealed class CurrentRevisionStdioTests : IAsyncLifetime, IDisposable
{
    private const string VectorDatabases = "llmprep://notes/03-rag-and-embeddings/vector-databases";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly string _data = Fixtures.NewDataDirectory();
    private readonly string _corpus = Directory.CreateTempSubdirectory("llmprep-raw-").FullName;
    private readonly List<JsonObject> _messages = [];
    private readonly SemaphoreSlim _signal = new(0);
    private Process _server = null!;
    private Task _reader = Task.CompletedTask;

    public Task InitializeAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Fixtures.Corpus, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_corpus, Path.GetRelativePath(Fixtures.Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Fixtures.ServerDll, "--no-bundled", "--corpus", _corpus, "--data-dir", _data })
        {
            start.ArgumentList.Add(arg);
        }

        _server = Process.Start(start)!;
        _ = _server.StandardError.ReadToEndAsync();
        _reader = Task.Run(async () =>
        {
            while (await _server.StandardOutput.ReadLineAsync() is { } line)
            {
                var message = JsonNode.Parse(line)!.AsObject();
                lock (_messages)
                {
                    _messages.Add(message);
                }

                _signal.Release();
            }
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
        }

        await _server.WaitForExitAsync();
        _server.Dispose();
        foreach (var dir in new[] { _data, _corpus })
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    [Fact]
    public async Task Serves_every_kind_of_request_with_no_handshake_and_exits_on_eof()
    {
        // The very first line is a tool call: the corpus loads on its own, nobody sent initialize.
        var search = await RequestAsync(1, "tools/call", new JsonObject { ["name"] = "search_notes", ["arguments"] = new JsonObject { ["query"] = "HNSW" } });
        Assert.Equal("complete", search["result"]!["resultType"]!.GetValue<string>());
        Assert.Equal("vector-databases", search["result"]!["structuredContent"]!["hits"]![0]!["note_id"]!.GetValue<string>());
        Assert.Equal("llmprep", search["result"]!["_meta"]!["io.modelcontextprotocol/serverInfo"]!["name"]!.GetValue<string>());

        var discover = await RequestAsync(2, "server/discover", []);
        Assert.Contains("2026-07-28", discover["result"]!["supportedVersions"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains("quiz_answer", discover["result"]!["instructions"]!.GetValue<string>(), StringComparison.Ordinal);

        var tools = await RequestAsync(3, "tools/list", []);
        var names = tools["result"]!["tools"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(3_600_000, tools["result"]!["ttlMs"]!.GetValue<long>());
        Assert.Equal("public", tools["result"]!["cacheScope"]!.GetValue<string>());

        var progress = await RequestAsync(4, "resources/read", new JsonObject { ["uri"] = "llmprep://progress" });
        Assert.Equal(0, progress["result"]!["ttlMs"]!.GetValue<long>());
        Assert.Equal("private", progress["result"]!["cacheScope"]!.GetValue<string>());

        var prompt = await RequestAsync(5, "prompts/get", new JsonObject { ["name"] = "explain_concept", ["arguments"] = new JsonObject { ["concept"] = "hnsw" } });
        Assert.NotEmpty(prompt["result"]!["messages"]!.AsArray());

        var complete = await RequestAsync(6, "completion/complete", new JsonObject
        {
            ["ref"] = new JsonObject { ["type"] = "ref/resource", ["uri"] = "llmprep://notes/{+path}" },
            ["argument"] = new JsonObject { ["name"] = "path", ["value"] = "03-rag" },
        });
        Assert.Contains("03-rag-and-embeddings/vector-databases", complete["result"]!["completion"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()));

        var subscribe = await RequestAsync(7, "resources/subscribe", new JsonObject { ["uri"] = VectorDatabases });
        Assert.Equal(-32601, subscribe["error"]!["code"]!.GetValue<int>());

        // subscriptions/listen: acknowledged, then the watcher's change arrives tagged with the listen request's id.
        await SendAsync(8, "subscriptions/listen", new JsonObject
        {
            ["notifications"] = new JsonObject { ["resourcesListChanged"] = true, ["resourceSubscriptions"] = new JsonArray(VectorDatabases) },
        });
        var ack = await NextAsync(m => m["method"]?.GetValue<string>() == "notifications/subscriptions/acknowledged");
        Assert.Equal(8, ack["params"]!["_meta"]!["io.modelcontextprotocol/subscriptionId"]!.GetValue<int>());
        var path = Path.Combine(_corpus, "03-rag-and-embeddings", "vector-databases.md");
        File.AppendAllText(path, "\nOne more line.\n");
        var updated = await NextAsync(m => m["method"]?.GetValue<string>() == "notifications/resources/updated");
        Assert.Equal(VectorDatabases, updated["params"]!["uri"]!.GetValue<string>());
        Assert.Equal(8, updated["params"]!["_meta"]!["io.modelcontextprotocol/subscriptionId"]!.GetValue<int>());
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/cancelled", ["params"] = new JsonObject { ["requestId"] = 8 } });

        _server.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Wait);
        await _server.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, _server.ExitCode);
        await _reader;
        lock (_messages)
        {
            Assert.DoesNotContain(_messages, m => m["method"]?.GetValue<string>() == "notifications/initialized");
        }
    }

    private static JsonObject Meta() => new()
    {
        ["io.modelcontextprotocol/protocolVersion"] = "2026-07-28",
        ["io.modelcontextprotocol/clientCapabilities"] = new JsonObject(),
        ["io.modelcontextprotocol/clientInfo"] = new JsonObject { ["name"] = "raw-json-rpc", ["version"] = "1.0.0" },
    };

    private Task SendAsync(int id, string method, JsonObject parameters)
    {
        parameters["_meta"] = Meta();
        return WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
    }

    private async Task WriteAsync(JsonObject message)
    {
        await _server.StandardInput.WriteLineAsync(message.ToJsonString());
        await _server.StandardInput.FlushAsync();
    }

    private async Task<JsonObject> RequestAsync(int id, string method, JsonObject parameters)
    {
        await SendAsync(id, method, parameters);
        return await NextAsync(m => m["id"] is JsonValue v && v.TryGetValue<int>(out var got) && got == id && m["method"] is null);
    }

    private async Task<JsonObject> NextAsync(Func<JsonObject, bool> match)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            lock (_messages)
            {
                if (_messages.FirstOrDefault(match) is { } found)
                {
                    return found;
                }
            }

            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero && !_server.HasExited, "no such message from the server");
            await _signal.WaitAsync(left);
        }
    }
}
