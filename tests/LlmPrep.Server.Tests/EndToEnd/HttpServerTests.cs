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
    [InlineData("127.0.0.1", "http://localhost:5173")]
    [InlineData("127.0.0.1", "http://127.0.0.1:1")]
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

    [Fact]
    public async Task Refuses_a_body_over_the_limit_with_413_before_reading_it()
    {
        // Only the headers are sent: the answer must come from the declared length, without waiting for 26 MB.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _port);
        var stream = tcp.GetStream();
        var head = $"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:{_port}\r\nContent-Type: application/json\r\n" +
            "Accept: application/json, text/event-stream\r\nContent-Length: 27262976\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.ASCII);

        var status = await reader.ReadLineAsync();

        Assert.Equal("HTTP/1.1 413 Payload Too Large", status);
    }

    [Fact]
    public async Task Serves_requests_without_an_origin_and_from_no_other()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
