using System.Net;
using System.Text;
using System.Text.Json;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary><c>serve --http</c> with bearer tokens: who may connect, and whose progress each request reads and writes.</summary>
public sealed class HttpAuthTests : IDisposable
{
    private const string Ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";
    private readonly string _data = Fixtures.NewDataDirectory();

    private string[] Fixture(params string[] args) => [.. args, "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data];

    [Theory]
    [InlineData("http://0.0.0.0:{0}")]
    [InlineData("http://*:{0}")]
    [InlineData("http://127.0.0.1:{0};http://[::]:{0}")]
    public async Task Refuses_to_listen_beyond_loopback_without_tokens(string urls)
    {
        var run = await ServerProcess.RunAsync(Fixture("serve", "--http", "--urls", string.Format(System.Globalization.CultureInfo.InvariantCulture, urls, ServerProcess.FreePort())));

        Assert.Equal(2, run.Code);
        Assert.Contains("without authentication", run.Err, StringComparison.Ordinal);
        Assert.Contains("llmprep token add <user-id>", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_are_required_checked_revocable_and_keep_users_apart()
    {
        var alice = await AddTokenAsync("alice");
        var bob = await AddTokenAsync("bob");
        var tokens = await File.ReadAllTextAsync(Path.Combine(_data, "tokens"));
        Assert.DoesNotContain(alice, tokens, StringComparison.Ordinal);
        var listed = await ServerProcess.RunAsync(Fixture("token", "list"));
        Assert.Contains("alice", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(alice, listed.Out, StringComparison.Ordinal);

        var (server, url) = await ServerProcess.StartHttpAsync(Fixture());
        try
        {
            using var noToken = await PostAsync(url, null);
            Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
            Assert.StartsWith("Bearer", noToken.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

            using var wrong = await PostAsync(url, alice[..^2] + "xx");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("invalid_token", wrong.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

            await using (var aliceClient = await ConnectAsync(url, alice))
            await using (var bobClient = await ConnectAsync(url, bob))
            {
                var card = (await aliceClient.CallToolAsync("quiz_next", new Dictionary<string, object?>())).StructuredContent!.Value.GetProperty("card").GetProperty("card_id").GetString();
                var answered = await aliceClient.CallToolAsync("quiz_answer", new Dictionary<string, object?> { ["card_id"] = card, ["answer"] = "attention weights" });
                Assert.True(answered.IsError is not true, McpHarness.Text(answered));

                Assert.Equal(1, await TotalReviewsAsync(aliceClient));
                Assert.Equal(0, await TotalReviewsAsync(bobClient));
                var bobNext = (await bobClient.CallToolAsync("quiz_next", new Dictionary<string, object?>())).StructuredContent!.Value;
                Assert.Equal("new", bobNext.GetProperty("card").GetProperty("state").GetString());
            }

            var revoked = await ServerProcess.RunAsync(Fixture("token", "revoke", "bob"));
            Assert.Equal(0, revoked.Code);
            using var afterRevoke = await PostAsync(url, bob);
            Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
            using var stillValid = await PostAsync(url, alice);
            Assert.NotEqual(HttpStatusCode.Unauthorized, stillValid.StatusCode);
        }
        finally
        {
            var log = await ServerProcess.StopAsync(server);
            Assert.DoesNotContain(alice, log, StringComparison.Ordinal);
            Assert.DoesNotContain(bob, log, StringComparison.Ordinal);
        }
    }

    private async Task<string> AddTokenAsync(string user)
    {
        var run = await ServerProcess.RunAsync(Fixture("token", "add", user));
        Assert.Equal(0, run.Code);
        return run.Out.Trim();
    }

    private static async Task<HttpResponseMessage> PostAsync(string url, string? token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Ping, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    private static async Task<McpClient> ConnectAsync(string url, string token) => await McpClient.CreateAsync(
        new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(url),
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        }),
        new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(60) });

    private static async Task<int> TotalReviewsAsync(McpClient client)
    {
        var report = await client.CallToolAsync("progress_report", new Dictionary<string, object?>());
        Assert.True(report.IsError is not true, McpHarness.Text(report));
        return report.StructuredContent!.Value.GetProperty("reviews").GetInt32();
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
