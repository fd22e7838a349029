using Microsoft.AspNetCore.Http;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Protects the local HTTP endpoint from DNS rebinding and cross-site requests: the Host header must
/// name an allowed host (loopback by default) and an Origin header, when a browser sends one, must too.
/// Anything else gets 403 before it reaches MCP.
/// </summary>
public sealed class LocalRequestGuard(IReadOnlyCollection<string> allowedHosts)
{
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]", "::1"];

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        if (!IsAllowed(host))
        {
            await RejectAsync(context, $"host '{host}' is not allowed");
            return;
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !IsAllowed(uri.Host)))
        {
            await RejectAsync(context, $"origin '{origin}' is not allowed");
            return;
        }

        await next(context);
    }

    private bool IsAllowed(string host) =>
        LoopbackHosts.Contains(host, StringComparer.OrdinalIgnoreCase) || allowedHosts.Contains(host, StringComparer.OrdinalIgnoreCase);

    private static Task RejectAsync(HttpContext context, string reason)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "application/json";
        var message = System.Text.Json.JsonEncodedText.Encode($"Forbidden: {reason}. Add it to LlmPrep:Http:AllowedHosts to serve it.");
        return context.Response.WriteAsync("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"" + message + "\"}}");
    }
}
