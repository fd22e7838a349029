using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LlmPrep.Server.Arguments;

/// <summary>
/// Checks a tool call's raw arguments against the tool's input schema before any binding: required arguments present,
/// each of the declared type (whole numbers within range), enum values from the list, and text valid Unicode. A problem
/// names the parameter, what was wrong, and what to send instead.
/// </summary>
internal static class ToolArgumentRules
{
    public static string? Problem(string tool, JsonElement schema, JsonNode? arguments)
    {
        if (arguments is not null && arguments is not JsonObject)
        {
            return $"Invalid 'arguments' for {tool}: expected an object of named arguments, got {JsonArgument.Describe(arguments)}. Send e.g. {Example(tool, schema)}.";
        }

        var given = arguments as JsonObject;
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var required = schema.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => r.GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in properties.EnumerateObject())
        {
            var present = given is not null && given.TryGetPropertyValue(property.Name, out _);
            var value = present ? given![property.Name] : null;
            if (!present || JsonArgument.Kind(value) == JsonValueKind.Null)
            {
                if (required.Contains(property.Name))
                {
                    return $"Missing argument '{property.Name}' for {tool}: it is required{(present ? " and cannot be null" : "")}. Send it as {Expected(property.Value)}: {Description(property.Value)}";
                }

                continue;
            }

            if (ValueProblem(property.Name, property.Value, value) is { } problem)
            {
                return $"Invalid argument '{property.Name}' for {tool}: {problem}. ({Description(property.Value)})";
            }
        }

        return null;
    }

    private static string? ValueProblem(string name, JsonElement schema, JsonNode? value)
    {
        var types = Types(schema);
        var kind = JsonArgument.Kind(value);
        if (types.Contains("string") && kind == JsonValueKind.String)
        {
            if (!JsonArgument.IsText(value, out var problem))
            {
                return $"{problem}. Send valid text: remove or replace that character";
            }

            if (schema.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array)
            {
                var allowed = options.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()!).ToList();
                if (!allowed.Contains(value!.GetValue<string>(), StringComparer.Ordinal))
                {
                    return $"expected one of {string.Join(", ", allowed)}, got {JsonArgument.Describe(value)}. Send one of those words, e.g. \"{name}\": \"{allowed[0]}\"";
                }
            }

            return null;
        }

        if (types.Contains("integer") && kind == JsonValueKind.Number)
        {
            var whole = value!.AsValue().TryGetValue<long>(out var number);
            var inRange = whole && (name.EndsWith("_id", StringComparison.Ordinal) || number is >= int.MinValue and <= int.MaxValue);
            return inRange ? null : $"expected a whole number{(whole ? $" from {int.MinValue} to {int.MaxValue}" : "")}, got {JsonArgument.Describe(value)}. Send e.g. \"{name}\": {Default(schema) ?? "10"}";
        }

        if (types.Contains("number") && kind == JsonValueKind.Number)
        {
            return null;
        }

        if (types.Contains("boolean") && kind is JsonValueKind.True or JsonValueKind.False)
        {
            return null;
        }

        if (types.Contains("object") && kind == JsonValueKind.Object)
        {
            return ObjectProblem(name, schema, value!.AsObject());
        }

        if (types.Count == 0)
        {
            // The schema does not constrain the value.
            return null;
        }

        if (types.Contains("array") && kind == JsonValueKind.Array)
        {
            var items = schema.TryGetProperty("items", out var itemSchema) ? itemSchema : default;
            foreach (var item in value!.AsArray())
            {
                if (items.ValueKind == JsonValueKind.Object && JsonArgument.Kind(item) != JsonValueKind.Null && ValueProblem(name, items, item) is { } problem)
                {
                    return $"an item of the array is wrong: {problem}";
                }
            }

            return null;
        }

        return $"expected {Expected(schema)}, got {JsonArgument.Describe(value)}. Send e.g. \"{name}\": {ExampleValue(schema)}";
    }

    /// <summary>An object value (such as one item of a verdict): its required members present, each of its declared type.</summary>
    private static string? ObjectProblem(string name, JsonElement schema, JsonObject value)
    {
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var required = schema.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(r => r.GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in properties.EnumerateObject())
        {
            var member = value.TryGetPropertyValue(property.Name, out var given) ? given : null;
            if (JsonArgument.Kind(member) == JsonValueKind.Null)
            {
                if (required.Contains(property.Name))
                {
                    return $"'{property.Name}' is missing in an item of '{name}'. Send it as {Expected(property.Value)}";
                }

                continue;
            }

            if (ValueProblem(property.Name, property.Value, member) is { } problem)
            {
                return $"'{property.Name}' in an item of '{name}': {problem}";
            }
        }

        return null;
    }

    private static HashSet<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : type.GetString() is { } single ? [single] : [];
    }

    private static string Expected(JsonElement schema)
    {
        var types = Types(schema);
        if (schema.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array)
        {
            return "one of " + string.Join(", ", options.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()));
        }

        return types.Contains("string") ? "a string"
            : types.Contains("integer") ? "a whole number"
            : types.Contains("number") ? "a number"
            : types.Contains("boolean") ? "true or false"
            : types.Contains("array") ? "an array of strings"
            : "a value";
    }

    private static string ExampleValue(JsonElement schema)
    {
        var types = Types(schema);
        if (schema.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0)
        {
            return options[0].GetRawText();
        }

        return types.Contains("string") ? "\"…\""
            : types.Contains("integer") || types.Contains("number") ? Default(schema) ?? "10"
            : types.Contains("boolean") ? "true"
            : types.Contains("array") ? "[\"retrieval\"]"
            : "null";
    }

    private static string? Default(JsonElement schema) =>
        schema.TryGetProperty("default", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null;

    private static string Description(JsonElement schema) =>
        schema.TryGetProperty("description", out var description) ? description.GetString() ?? "" : "";

    private static string Example(string tool, JsonElement schema)
    {
        var required = schema.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(r => r.GetString()).ToList() : [];
        return "{" + string.Join(", ", required.Select(r => string.Create(CultureInfo.InvariantCulture, $"\"{r}\": …"))) + "}";
    }
}
