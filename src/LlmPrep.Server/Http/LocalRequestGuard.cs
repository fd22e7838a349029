using Microsoft.AspNetCore.Http;

namespace LlmPrep.Server.Http;

/// <summary>
/// Protects the HTTP endpoint from DNS rebinding and cross-site requests: the Host header must name an allowed host
/// (loopback by default), and a request with an Origin header (a browser page) is served only from the server's own
/// origin or one configured in LlmPrep:Http:AllowedOrigins. Anything else gets 403 before it reaches MCP.
/// </summary>
public sealed class LocalRequestGuard(IReadOnlyCollection<string> allowedHosts, IReadOnlyCollection<string> allowedOrigins)
{
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]", "::1"];

    private readonly HashSet<string> _origins = allowedOrigins.Select(Normalize).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        if (!LoopbackHosts.Contains(host, StringComparer.OrdinalIgnoreCase) && !allowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status403Forbidden,
                $"Forbidden: host '{host}' is not allowed. Add it to LlmPrep:Http:AllowedHosts to serve it.");
            return;
        }

        // A page the server itself serves (same scheme, host and port as the request) is same-origin, not cross-site.
        var origin = context.Request.Headers.Origin.ToString();
        var self = Normalize($"{context.Request.Scheme}://{context.Request.Host}");
        if (origin.Length > 0 && (Normalize(origin) is not { } normalized || (!_origins.Contains(normalized) && normalized != self)))
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status403Forbidden,
                $"Forbidden: origin '{origin}' is not allowed. Add it (scheme://host:port) to LlmPrep:Http:AllowedOrigins to serve pages from it.");
            return;
        }

        await next(context);
    }

    /// <summary>scheme://host:port with the port always written, so "http://a" and "http://a:80" are one origin.</summary>
    private static string? Normalize(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.AbsolutePath is "/" or "" ? $"{uri.Scheme}://{uri.Host}:{uri.Port}" : null;
}
