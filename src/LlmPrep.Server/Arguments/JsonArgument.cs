using System.Text.Json;
using System.Text.Json.Nodes;

namespace LlmPrep.Server.Arguments;

/// <summary>Describes a raw JSON argument for error messages, without ever echoing text that cannot be re-encoded.</summary>
internal static class JsonArgument
{
    public const string UnpairedSurrogate =
        "the text contains an unpaired UTF-16 surrogate (an escape from \\ud800 to \\udfff without its other half), which is not valid Unicode";

    public static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>True when the node is a string that decodes to valid Unicode.</summary>
    public static bool IsText(JsonNode? node, out string? problem)
    {
        problem = null;
        if (Kind(node) != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            var text = node!.GetValue<string>();
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    problem = UnpairedSurrogate;
                    return false;
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
        {
            problem = UnpairedSurrogate;
            return false;
        }
    }

    /// <summary>"the number 123", "an array", "null"…: what was sent, for "expected X, got Y".</summary>
    public static string Describe(JsonNode? node) => Kind(node) switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {node!.ToJsonString()}",
        JsonValueKind.Number => $"the number {Shorten(node!.ToJsonString())}",
        JsonValueKind.String => IsText(node, out _) ? $"the string \"{Shorten(node!.GetValue<string>())}\"" : "a string with invalid Unicode",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "an unreadable value",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
