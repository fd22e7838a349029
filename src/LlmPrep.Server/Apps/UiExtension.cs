using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Apps;

/// <summary>Whether a client renders MCP Apps: it declares <c>extensions["io.modelcontextprotocol/ui"]</c> with the app MIME type.</summary>
internal static class UiExtension
{
    public static bool IsDeclared(ClientCapabilities? capabilities)
    {
        if (capabilities?.Extensions is not { } extensions || !extensions.TryGetValue(AppCatalog.ExtensionId, out var settings))
        {
            return false;
        }

        var json = settings is JsonElement element ? element : JsonSerializer.SerializeToElement(settings, Json.LlmPrepJsonContext.Default.Object);
        if (json.ValueKind != JsonValueKind.Object)
        {
            return json.ValueKind == JsonValueKind.True;
        }

        // mimeTypes is required by the extension; a host that lists types must list ours.
        if (!json.TryGetProperty("mimeTypes", out var types) || types.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        return types.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == AppCatalog.MimeType);
    }
}
