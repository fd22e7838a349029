using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Support;

/// <summary>Raw requests and MCP clients against a running <c>serve --http</c>, with or without a bearer token.</summary>
public static class HttpMcp
{
    public const string Ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";

    public static async Task<HttpResponseMessage> PostAsync(string url, string? token, string body = Ping)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    /// <summary>An MCP client with this bearer token; <paramref name="apps"/> declares the MCP Apps extension, which brings the app-only tools.</summary>
    public static async Task<McpClient> ConnectAsync(string url, string token, bool apps = false, string? protocolVersion = null) => await McpClient.CreateAsync(
        new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(url),
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        }),
        new McpClientOptions
        {
            DiscoverProbeTimeout = TimeSpan.FromSeconds(60),
            ProtocolVersion = protocolVersion,
            Capabilities = apps
                ? new ClientCapabilities
                {
                    Extensions = new Dictionary<string, object>
                    {
                        ["io.modelcontextprotocol/ui"] = JsonSerializer.SerializeToElement(new Dictionary<string, string[]> { ["mimeTypes"] = ["text/html;profile=mcp-app"] }),
                    },
                }
                : null,
        });

    /// <summary>The base address (scheme, host, port) of an <c>…/mcp</c> URL.</summary>
    public static string Origin(string url) => new Uri(url).GetLeftPart(UriPartial.Authority);
}
