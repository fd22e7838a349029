using System.Net;
using System.Text;
using LlmPrep.Core;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Http;
using LlmPrep.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.AspNetCore;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>
/// 2025-11-25 HTTP sessions end after the configured idle time and at most the configured number stay idle, on a real
/// Kestrel server whose transport runs on a clock the test moves.
/// </summary>
public sealed class HttpSessionLimitTests : IAsyncDisposable
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    private readonly string _data = Fixtures.NewDataDirectory();
    private readonly FakeTimeProvider _time = new();
    private readonly LogCapture _log = new();
    private readonly HttpClient _http = new();
    private WebApplication? _app;
    private string _url = "";

    [Fact]
    public void Sessions_idle_for_thirty_minutes_end_by_default_and_at_most_a_thousand_stay()
    {
        var settings = new ServerSettings { Library = new LibraryOptions([], _data) };

        Assert.Equal(TimeSpan.FromMinutes(30), settings.SessionIdleTimeout);
        Assert.Equal(1000, settings.MaxIdleSessions);
    }

    [Fact]
    public async Task A_session_left_idle_past_the_configured_timeout_ends_and_its_id_is_then_unknown()
    {
        await StartAsync(maxIdleSessions: 100);
        var session = await InitializeAsync();

        // In use, the session outlives the timeout: it is never idle for a whole one.
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(IdleTimeout / 2);
            Assert.Equal(HttpStatusCode.OK, await PingAsync(session));
        }

        await PassTimeUntilEndedAsync(session, TimeSpan.FromMinutes(1), IdleTimeout + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.NotFound, await PingAsync(session));
        Assert.Contains(_log.Lines, line => line.Level == LogLevel.Debug && line.Text == $"Session {session} started for the local user");
    }

    [Fact]
    public async Task Past_the_configured_number_of_idle_sessions_the_oldest_one_ends()
    {
        await StartAsync(maxIdleSessions: 2);
        // A second apart on the server's clock, so which one is oldest is not a tie.
        var oldest = await InitializeAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await InitializeAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var newest = await InitializeAsync();

        // Long before the idle timeout: only the cap can end a session.
        await PassTimeUntilEndedAsync(oldest, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.NotFound, await PingAsync(oldest));
        Assert.Equal(HttpStatusCode.OK, await PingAsync(second));
        Assert.Equal(HttpStatusCode.OK, await PingAsync(newest));
        Assert.Single(_log.Lines, line => line.Text.EndsWith(" ended", StringComparison.Ordinal));
    }

    private async Task StartAsync(int maxIdleSessions)
    {
        var port = ServerProcess.FreePort();
        var settings = new ServerSettings
        {
            Library = new LibraryOptions([new CorpusRoot("corpus", Fixtures.Corpus)], _data),
            SessionIdleTimeout = IdleTimeout,
            MaxIdleSessions = maxIdleSessions,
            LogLevel = LogLevel.Debug,
        };
        var (app, refusal) = HttpHost.Build(settings, $"http://127.0.0.1:{port}", _time);
        Assert.Null(refusal);
        _app = app!;

        var transport = _app.Services.GetRequiredService<IOptions<HttpServerTransportOptions>>().Value;
#pragma warning disable MCP9006, MCPEXP002
        Assert.Equal(IdleTimeout, transport.IdleTimeout);
        Assert.Equal(maxIdleSessions, transport.MaxIdleSessionCount);
#pragma warning restore MCP9006, MCPEXP002
        Assert.Same(_time, transport.TimeProvider);
        _app.Services.GetRequiredService<ILoggerFactory>().AddProvider(_log);
        await _app.StartAsync();
        _url = $"http://127.0.0.1:{port}/mcp";
    }

    /// <summary>
    /// Moves the transport's clock by <paramref name="step"/> up to <paramref name="limit"/> in all, then waits (bounded:
    /// fails rather than hangs) for the server to log the session's end.
    /// </summary>
    private async Task PassTimeUntilEndedAsync(string session, TimeSpan step, TimeSpan limit)
    {
        var passed = TimeSpan.Zero;
        for (var i = 0; i < 600; i++)
        {
            if (_log.Lines.Any(line => line.Level == LogLevel.Debug && line.Text == $"Session {session} ended"))
            {
                return;
            }

            if (passed + step <= limit)
            {
                _time.Advance(step);
                passed += step;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"session {session} did not end within {limit} of the server's clock; log: {string.Join(" | ", _log.Lines.Select(l => l.Text))}");
    }

    private async Task<string> InitializeAsync()
    {
        using var response = await PostAsync(null, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var session = Assert.Single(response.Headers.GetValues("Mcp-Session-Id"));
        await response.Content.ReadAsStringAsync();
        using var initialized = await PostAsync(session, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        return session;
    }

    private async Task<HttpStatusCode> PingAsync(string session)
    {
        using var response = await PostAsync(session, """{"jsonrpc":"2.0","id":2,"method":"ping"}""");
        await response.Content.ReadAsStringAsync();
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> PostAsync(string? session, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Accept", "application/json, text/event-stream");
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await _http.SendAsync(request, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
