using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LlmPrep.Server.Http;

/// <summary>Refuses a request before it reaches MCP, with a JSON-RPC error body that says why.</summary>
internal static class HttpErrors
{
    public static Task WriteAsync(HttpContext context, int status, string message, string? wwwAuthenticate = null, int code = -32600)
    {
        context.Response.StatusCode = status;
        if (wwwAuthenticate is not null)
        {
            context.Response.Headers.WWWAuthenticate = wwwAuthenticate;
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":" + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"message\":\"" + JsonEncodedText.Encode(message) + "\"}}");
    }
}
