using Microsoft.AspNetCore.Http;

namespace LlmPrep.Server.Http;

/// <summary>
/// OAuth 2.0 Protected Resource Metadata (RFC 9728) for <c>/mcp</c>: which authorization servers issue tokens for it and
/// how to present them. Served at <c>/.well-known/oauth-protected-resource</c> (and the path-suffixed
/// <c>/.well-known/oauth-protected-resource/mcp</c>); a 401 names it in <c>WWW-Authenticate: Bearer resource_metadata="…"</c>.
/// </summary>
public sealed record ProtectedResourceMetadata(
    string Resource,
    IReadOnlyList<string> AuthorizationServers,
    IReadOnlyList<string> BearerMethodsSupported,
    IReadOnlyList<string>? ScopesSupported,
    string ResourceName)
{
    public const string Path = "/.well-known/oauth-protected-resource";
    public const string McpPath = "/mcp";

    public static ProtectedResourceMetadata For(OAuthSettings oauth, HttpRequest request) => new(
        ResourceUrl(oauth, request),
        oauth.AuthorizationServers,
        ["header"],
        oauth.Scopes.Count > 0 ? oauth.Scopes : null,
        "LlmPrep");

    /// <summary>The configured public MCP URL, else this request's scheme, host and <c>/mcp</c>.</summary>
    public static string ResourceUrl(OAuthSettings oauth, HttpRequest request) =>
        oauth.Resource ?? $"{request.Scheme}://{request.Host}{McpPath}";

    /// <summary>Where this document is, as a 401 points to it: beside the configured resource, else on this request's host.</summary>
    public static string DocumentUrl(OAuthSettings oauth, HttpRequest request) =>
        oauth.Resource is { } resource && Uri.TryCreate(resource, UriKind.Absolute, out var uri)
            ? $"{uri.GetLeftPart(UriPartial.Authority)}{Path}"
            : $"{request.Scheme}://{request.Host}{Path}";

    /// <summary>Answers a request under <see cref="Path"/>: the document for <c>/</c> or <c>/mcp</c>, 404 for anything else.</summary>
    public static Task ServeAsync(HttpContext context, OAuthSettings oauth)
    {
        var rest = context.Request.Path.Value ?? "";
        if (rest is not ("" or "/" or McpPath) || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return context.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(For(oauth, context.Request), HttpJsonContext.Default.ProtectedResourceMetadata));
    }
}
