using System.Net;
using System.Text.Json;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>
/// <c>serve --http</c> as an OAuth 2.1 resource server: JWT access tokens from a test issuer (keys made in the test, JWKS
/// served on loopback), Protected Resource Metadata, and 401s that point clients to it; bearer tokens from the tokens
/// file keep working beside it.
/// </summary>
public sealed class OAuthSignInTests : IDisposable
{
    private const string Audience = "llmprep-test";
    private readonly string _data = Fixtures.NewDataDirectory();
    private readonly TestIssuer _issuer = new();

    private string[] Fixture(params string[] args) => [.. args, "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data];

    private Dictionary<string, string> OAuth(bool jwksUrl = true, string? scopes = null)
    {
        var environment = new Dictionary<string, string> { ["LLMPREP_AUTH_ISSUER"] = _issuer.Issuer, ["LLMPREP_AUTH_AUDIENCE"] = Audience };
        if (jwksUrl)
        {
            environment["LLMPREP_AUTH_JWKS_URL"] = _issuer.JwksUrl;
        }

        if (scopes is not null)
        {
            environment["LLMPREP_AUTH_SCOPES"] = scopes;
        }

        return environment;
    }

    [Fact]
    public async Task Publishes_protected_resource_metadata_and_points_to_it_from_every_401()
    {
        var (server, url) = await ServerProcess.StartHttpAsync(OAuth(scopes: "llmprep"), Fixture());
        try
        {
            var origin = HttpMcp.Origin(url);
            using var http = new HttpClient();
            foreach (var path in new[] { "/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp" })
            {
                using var response = await http.GetAsync(origin + path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                using var metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var root = metadata.RootElement;
                Assert.Equal(url, root.GetProperty("resource").GetString());
                Assert.Equal([_issuer.Issuer], root.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
                Assert.Equal(["header"], root.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()));
                Assert.Equal(["llmprep"], root.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
            }

            using var unknownPath = await http.GetAsync(origin + "/.well-known/oauth-protected-resource/elsewhere");
            Assert.Equal(HttpStatusCode.NotFound, unknownPath.StatusCode);

            using var noToken = await HttpMcp.PostAsync(url, null);
            Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
            var challenge = noToken.Headers.WwwAuthenticate.ToString();
            Assert.StartsWith("Bearer ", challenge, StringComparison.Ordinal);
            Assert.Contains($"resource_metadata=\"{origin}/.well-known/oauth-protected-resource\"", challenge, StringComparison.Ordinal);
            Assert.Contains("scope=\"llmprep\"", challenge, StringComparison.Ordinal);
            Assert.DoesNotContain("error=", challenge, StringComparison.Ordinal);

            using var bad = await HttpMcp.PostAsync(url, "not-a-token");
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
            Assert.Contains("error=\"invalid_token\"", bad.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Contains("resource_metadata=", bad.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

            using var unscoped = await HttpMcp.PostAsync(url, _issuer.Token("alice", Audience));
            Assert.Equal(HttpStatusCode.Forbidden, unscoped.StatusCode);
            Assert.Contains("error=\"insufficient_scope\"", unscoped.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

            using var scoped = await HttpMcp.PostAsync(url, _issuer.Token("alice", Audience, scope: "openid llmprep"));
            Assert.True(scoped.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), await scoped.Content.ReadAsStringAsync());
        }
        finally
        {
            await ServerProcess.StopAsync(server);
        }
    }

    [Theory]
    [InlineData("expired", "has expired")]
    [InlineData("audience", "another audience")]
    [InlineData("issuer", "issuer this server does not trust")]
    [InlineData("signature", "signature does not verify")]
    public async Task Refuses_access_tokens_that_are_expired_foreign_or_forged(string fault, string message)
    {
        var (server, url) = await ServerProcess.StartHttpAsync(OAuth(), Fixture());
        try
        {
            var token = fault switch
            {
                "expired" => _issuer.Token("alice", Audience, lifetime: TimeSpan.FromMinutes(-30)),
                "audience" => _issuer.Token("alice", "https://another-service.example/mcp"),
                "issuer" => _issuer.Token("alice", Audience, issuer: "https://impostor.example"),
                _ => _issuer.Token("alice", Audience, foreignKey: true),
            };

            using var response = await HttpMcp.PostAsync(url, token);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var challenge = response.Headers.WwwAuthenticate.ToString();
            Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
            Assert.Contains("resource_metadata=", challenge, StringComparison.Ordinal);
            Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            var log = await ServerProcess.StopAsync(server);
            Assert.DoesNotContain("eyJ", log, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_valid_access_token_signs_in_as_its_subject_beside_tokens_file_users(bool jwksUrl)
    {
        var carol = (await ServerProcess.RunAsync(Fixture("token", "add", "carol"))).Out.Trim();
        var (server, url) = await ServerProcess.StartHttpAsync(OAuth(jwksUrl), Fixture());
        try
        {
            await using (var alice = await HttpMcp.ConnectAsync(url, _issuer.Token("alice", Audience)))
            {
                var card = (await alice.CallToolAsync("quiz_next", new Dictionary<string, object?>())).StructuredContent!.Value.GetProperty("card").GetProperty("card_id").GetString();
                var answered = await alice.CallToolAsync("quiz_answer", new Dictionary<string, object?> { ["card_id"] = card, ["answer"] = "attention weights" });
                Assert.True(answered.IsError is not true, McpHarness.Text(answered));
                Assert.Equal(1, await ReviewsAsync(alice));
            }

            // A new token for the same subject is the same person; another subject and a tokens-file user are others.
            await using (var againAlice = await HttpMcp.ConnectAsync(url, _issuer.Token("alice", Audience)))
            await using (var bob = await HttpMcp.ConnectAsync(url, _issuer.Token("bob", Audience)))
            await using (var carolClient = await HttpMcp.ConnectAsync(url, carol))
            {
                Assert.Equal(1, await ReviewsAsync(againAlice));
                Assert.Equal(0, await ReviewsAsync(bob));
                Assert.Equal(0, await ReviewsAsync(carolClient));
            }

            Assert.True(_issuer.JwksRequests > 0 || !jwksUrl);
        }
        finally
        {
            await ServerProcess.StopAsync(server);
        }
    }

    [Fact]
    public async Task OAuth_alone_is_enough_to_listen_beyond_loopback_and_an_audience_is_required()
    {
        var start = ServerProcess.StartInfo(Fixture("serve", "--http", "--urls", $"http://0.0.0.0:{ServerProcess.FreePort()}"));
        start.Environment["LLMPREP_AUTH_ISSUER"] = _issuer.Issuer;
        using (var refused = System.Diagnostics.Process.Start(start)!)
        {
            refused.StandardInput.Close();
            var error = await refused.StandardError.ReadToEndAsync();
            await refused.WaitForExitAsync();
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("LlmPrep:Auth:Audience", error, StringComparison.Ordinal);
        }

        var port = ServerProcess.FreePort();
        start = ServerProcess.StartInfo(Fixture("serve", "--http", "--urls", $"http://0.0.0.0:{port}"));
        foreach (var (name, value) in OAuth())
        {
            start.Environment[name] = value;
        }

        using var server = System.Diagnostics.Process.Start(start)!;
        try
        {
            var url = $"http://127.0.0.1:{port}/mcp";
            HttpResponseMessage? answer = null;
            for (var i = 0; i < 600 && answer is null && !server.HasExited; i++)
            {
                try
                {
                    answer = await HttpMcp.PostAsync(url, _issuer.Token("alice", Audience));
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.NotNull(answer);
            Assert.True(answer.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), await answer.Content.ReadAsStringAsync());
            answer.Dispose();
        }
        finally
        {
            await ServerProcess.StopAsync(server);
        }
    }

    private static async Task<int> ReviewsAsync(ModelContextProtocol.Client.McpClient client)
    {
        var report = await client.CallToolAsync("progress_report", new Dictionary<string, object?>());
        Assert.True(report.IsError is not true, McpHarness.Text(report));
        return report.StructuredContent!.Value.GetProperty("reviews").GetInt32();
    }

    public void Dispose()
    {
        _issuer.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
