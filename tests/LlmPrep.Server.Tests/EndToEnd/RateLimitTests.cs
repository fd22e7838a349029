using System.Net;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>Requests are limited per user: one user past the limit gets 429 with Retry-After; the others are not slowed.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly string _data = Fixtures.NewDataDirectory();

    private string[] Fixture(params string[] args) => [.. args, "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data];

    [Fact]
    public async Task A_user_past_the_limit_gets_429_with_retry_after_and_other_users_carry_on()
    {
        var alice = (await ServerProcess.RunAsync(Fixture("token", "add", "alice"))).Out.Trim();
        var bob = (await ServerProcess.RunAsync(Fixture("token", "add", "bob"))).Out.Trim();
        var limits = new Dictionary<string, string>
        {
            ["LLMPREP_LlmPrep__Http__RateLimit__PermitLimit"] = "3",
            ["LLMPREP_LlmPrep__Http__RateLimit__Window"] = "01:00:00",
        };
        var (server, url) = await ServerProcess.StartHttpAsync(limits, Fixture());
        try
        {
            for (var i = 0; i < 3; i++)
            {
                using var allowed = await HttpMcp.PostAsync(url, alice);
                Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
            }

            using var refused = await HttpMcp.PostAsync(url, alice);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("\"jsonrpc\":\"2.0\"", body, StringComparison.Ordinal);
            Assert.Contains("Too many requests", body, StringComparison.Ordinal);

            using var other = await HttpMcp.PostAsync(url, bob);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);

            // Refused sign-ins are not counted against anyone, and still get 401.
            using var anonymous = await HttpMcp.PostAsync(url, null);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        finally
        {
            await ServerProcess.StopAsync(server);
        }
    }

    [Fact]
    public async Task Request_bodies_over_the_limit_get_413_before_they_are_read()
    {
        var alice = (await ServerProcess.RunAsync(Fixture("token", "add", "alice"))).Out.Trim();
        var (server, url) = await ServerProcess.StartHttpAsync(
            new Dictionary<string, string> { ["LLMPREP_LlmPrep__Http__MaxRequestBodyBytes"] = "1000" }, Fixture());
        try
        {
            var big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + new string('x', 5000) + "\"}}";
            using var refused = await HttpMcp.PostAsync(url, alice, big);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Contains("limit is 1,000", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await ServerProcess.StopAsync(server);
        }
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
