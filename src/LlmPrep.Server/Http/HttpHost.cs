using LlmPrep.Core.Access;
using LlmPrep.Server.Cli;
using LlmPrep.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;

namespace LlmPrep.Server.Http;

/// <summary>
/// Streamable HTTP at <c>/mcp</c>. Binding rules: on loopback, only this machine's clients are served; beyond loopback
/// the server starts only with sign-in: bearer tokens from the tokens file, OAuth access tokens (JWTs) from a configured
/// issuer, or both. Whenever either is configured, every request needs a token, and its user (the tokens file's user id
/// or the JWT's <c>sub</c>) is the progress user, limited to a number of requests per minute. Request bodies are capped, idle sessions end, and browsers are served only from
/// configured origins.
/// </summary>
public static class HttpHost
{
    /// <summary>Worker threads kept ready for concurrent requests.</summary>
    public const int MinWorkerThreads = 64;

    /// <summary>Builds the server, or returns why it must not start.</summary>
    /// <param name="sessionClock">The clock idle sessions are measured by; the system clock unless a test moves one by hand.</param>
    public static (WebApplication? App, string? Refusal) Build(ServerSettings settings, string urls, TimeProvider? sessionClock = null)
    {
        var tokenFile = new AccessTokenFile(settings.TokensPath);
        IReadOnlyList<AccessToken> tokens;
        try
        {
            tokens = tokenFile.Load();
        }
        catch (AccessTokenException ex)
        {
            return (null, ex.Message);
        }

        var oauth = settings.OAuth;
        if (oauth.Problem() is { } oauthProblem)
        {
            return (null, oauthProblem);
        }

        var exposed = BindAddresses.NonLoopback(urls);
        if (exposed.Count > 0 && tokens.Count == 0 && !oauth.Enabled)
        {
            return (null,
                $"refusing to listen on {string.Join(", ", exposed)} without authentication: anyone on the network could read the notes and change study progress. " +
                $"Create a token for each person with 'llmprep token add <user-id>' (stored as a hash in '{tokenFile.Path}'; set --tokens-file to keep it elsewhere), " +
                "then start again; clients send it as 'Authorization: Bearer <token>'. Or configure OAuth sign-in (LlmPrep:Auth:Issuer and Audience), " +
                "or listen on loopback only: --urls http://127.0.0.1:3001.");
        }

        var tokensRequired = tokens.Count > 0 || oauth.Enabled;

        // Progress reads and writes block their thread (SQLite, Npgsql's synchronous calls); with many people at once the
        // thread pool would otherwise grow a thread or two a second while requests queue behind it.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, MinWorkerThreads), completion);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new LineLoggerProvider());
        builder.Logging.SetMinimumLevel(settings.LogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        // A failed start is rethrown and reported in one line by the command line; the host's own report would add a trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Logging.AddFilter("ModelContextProtocol", LogLevel.Warning);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IProgressUser>(services => new HttpProgressUser(services.GetRequiredService<IHttpContextAccessor>(), tokensRequired));
        if (oauth.Enabled)
        {
            JwtSignIn.Add(builder.Services, oauth);
        }

        if (settings.RateLimitPermits > 0)
        {
            PerUserRateLimit.Add(builder.Services, settings.RateLimitPermits, settings.RateLimitWindow);
        }

        builder.Services.AddLlmPrep(settings).WithHttpTransport(options =>
        {
            // 2025-11-25 clients (initialize) get a session, for subscriptions and server-to-client requests; 2026-07-28
            // requests are served statelessly on the same endpoint.
            options.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
#pragma warning disable MCP9006, MCPEXP002 // Today's clients (2025-11-25) need stateful sessions for sampling; their idle time and count must be bounded, their start and end logged.
            options.IdleTimeout = settings.SessionIdleTimeout;
            options.TimeProvider = sessionClock ?? TimeProvider.System;
            options.MaxIdleSessionCount = settings.MaxIdleSessions;
            options.RunSessionHandler = RunSessionAsync;
#pragma warning restore MCP9006, MCPEXP002
        });

        var app = builder.Build();
        app.Use(new RequestLog(app.Services.GetRequiredService<ILoggerFactory>()).InvokeAsync);

        // Liveness for container and load-balancer probes: a fixed answer that reveals nothing, so it is served
        // before (and without) the client, host and token guards.
        app.Map(HealthCommand.Path, health => health.Run(HealthCommand.RespondAsync));
        if (exposed.Count == 0)
        {
            app.Use(LoopbackClientGuard.InvokeAsync);
        }

        app.Use(new LocalRequestGuard(settings.AllowedHosts, settings.AllowedOrigins).InvokeAsync);
        if (oauth.Enabled)
        {
            // Public by design (RFC 9728): clients read it before they have a token.
            app.Map(ProtectedResourceMetadata.Path, metadata => metadata.Run(context => ProtectedResourceMetadata.ServeAsync(context, oauth)));
        }

        if (tokensRequired)
        {
            app.Use(new BearerTokenGuard(tokenFile, oauth).InvokeAsync);
        }

        if (settings.RateLimitPermits > 0)
        {
            PerUserRateLimit.Use(app);
        }

        app.Use(new RequestBodyLimit(settings.MaxRequestBodyBytes).InvokeAsync);
        app.MapMcp("/mcp");
        return (app, null);
    }

    private static async Task RunSessionAsync(HttpContext context, ModelContextProtocol.Server.McpServer server, CancellationToken cancellationToken)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LlmPrep.Http.Sessions");
        logger.LogDebug("Session {Session} started for {User}", server.SessionId, context.User.Identity?.Name ?? "the local user");
        try
        {
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            logger.LogDebug("Session {Session} ended", server.SessionId);
        }
    }
}
