using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary><c>llmprep serve --http</c>: Streamable HTTP at /mcp, guarded against DNS rebinding.</summary>
public sealed class HttpServerTests : IAsyncLifetime
{
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
        using var http = new HttpClient();
        for (var i = 0; i < 200; i++)
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

    [Fact]
    public async Task Serves_tools_over_streamable_http()
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(Url) });
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(60) });

        var result = await client.CallToolAsync("search_notes", new Dictionary<string, object?> { ["query"] = "HNSW" });

        Assert.True(result.IsError is not true);
        Assert.Equal("vector-databases", result.StructuredContent!.Value.GetProperty("hits")[0].GetProperty("note_id").GetString());
        Assert.Contains(await client.ListToolsAsync(), t => t.Name == "quiz_answer");
    }

    [Theory]
    [InlineData("evil.example", null)]
    [InlineData("127.0.0.1", "http://evil.example")]
    public async Task Rejects_foreign_hosts_and_origins(string host, string? origin)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Host = host == "127.0.0.1" ? $"127.0.0.1:{_port}" : host;
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not allowed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
