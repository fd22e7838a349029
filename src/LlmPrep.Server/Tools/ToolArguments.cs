using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LlmPrep.Server.Tools;

/// <summary>
/// Reads a tool call's arguments straight from their JSON for a hand-written call, the way the SDK's binding reads them
/// (a JSON string is the string, a whole number within range the int), only for values of exactly the declared kind.
/// Anything else (null, another kind, a number with a fraction or exponent) is left to the SDK's binding, so every
/// unusual input keeps its answer.
/// </summary>
internal static class ToolArguments
{
    public static bool Text(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text is not null;
    }

    public static bool Whole(JsonElement value, out int number)
    {
        number = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out number);
    }

    public static bool TextList(JsonElement value, [NotNullWhen(true)] out string[]? list)
    {
        list = null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var items = new string[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (!Text(item, out var text))
            {
                return false;
            }

            items[i++] = text;
        }

        list = items;
        return true;
    }
}
