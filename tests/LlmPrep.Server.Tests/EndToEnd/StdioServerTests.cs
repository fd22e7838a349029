using System.Diagnostics;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>Launches the built server as a child process over stdio, as an assistant does.</summary>
public sealed class StdioServerTests : IDisposable
{
    private readonly string _data = Fixtures.NewDataDirectory();

    [Fact]
    public async Task Serves_search_over_stdio_and_exits_cleanly()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "llmprep",
            Command = "dotnet",
            Arguments = [Fixtures.ServerDll, "serve", "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data],
        });
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(60) });

        var result = await client.CallToolAsync("search_notes", new Dictionary<string, object?> { ["query"] = "HNSW" });

        Assert.True(result.IsError is not true);
        var hits = result.StructuredContent!.Value.GetProperty("hits");
        Assert.Equal("vector-databases", hits[0].GetProperty("note_id").GetString());
        Assert.True(File.Exists(Path.Combine(_data, "index.db")));
    }

    [Fact]
    public async Task Exits_zero_on_stdin_eof_and_keeps_stdout_for_json_rpc()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Fixtures.ServerDll, "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"list_topics","arguments":{}}}""");
        var responses = new Dictionary<int, string>();
        while (responses.Count < 2 && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            using var message = System.Text.Json.JsonDocument.Parse(line);
            responses[message.RootElement.GetProperty("id").GetInt32()] = line;
        }

        process.StandardInput.Close();
        var rest = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("\"serverInfo\"", responses[1], StringComparison.Ordinal);
        Assert.Contains("\"total_notes\":3", responses[2], StringComparison.Ordinal);
        Assert.All(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("{\"", line, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
