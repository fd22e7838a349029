using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Prompts;

/// <summary>
/// Checks a prompts/get request's arguments against the prompt method's parameters before the SDK binds them.
/// The SDK reports a missing required argument or a number it cannot parse as a bare "An error occurred";
/// prompt classes call <see cref="Validate{T}"/> from their constructor (the SDK creates the instance before it
/// binds arguments), so the client gets an InvalidParams error that names the argument and what to send.
/// </summary>
internal static class PromptArguments
{
    public const int MaxTextLength = 4_000;

    private static readonly ConcurrentDictionary<(Type, string), ParameterInfo[]> Parameters = new();

    public static void Validate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] T>(RequestContext<GetPromptRequestParams> request)
    {
        var name = request.Params?.Name ?? "";
        var parameters = Parameters.GetOrAdd((typeof(T), name), static key => ParametersOf<T>(key.Item2));
        var arguments = request.Params?.Arguments;
        foreach (var parameter in parameters)
        {
            var given = arguments is not null && arguments.TryGetValue(parameter.Name!, out var value) && value.ValueKind != JsonValueKind.Null
                ? (JsonElement?)value
                : null;
            var text = given is { ValueKind: JsonValueKind.String } s ? s.GetString() : given?.GetRawText();
            if (string.IsNullOrWhiteSpace(text))
            {
                if (!parameter.HasDefaultValue)
                {
                    throw Invalid($"prompt '{name}' needs the argument '{parameter.Name}': {Describe(parameter)}");
                }

                if (given is not null && IsNumber(parameter.ParameterType))
                {
                    throw Invalid($"'{parameter.Name}' is empty: leave it out or give {Describe(parameter)}");
                }

                continue;
            }

            CheckNumber(name, parameter, text);
        }
    }

    /// <summary>Optional text: null when blank, trimmed, and no longer than <paramref name="maxLength"/>.</summary>
    public static string? Text(string? value, string name, int maxLength = 200)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length <= maxLength
            ? text
            : throw Invalid($"'{name}' is {text.Length:N0} characters long; the limit is {maxLength:N0}. Say it in fewer words");
    }

    /// <summary>Required text (the SDK has already checked it is present): trimmed and within the limit.</summary>
    public static string Required(string value, string name, int maxLength = 200) =>
        Text(value, name, maxLength) ?? throw Invalid($"'{name}' is empty");

    public static int InRange(int value, string name, int min, int max) =>
        value >= min && value <= max ? value : throw Invalid($"'{name}' must be between {min} and {max}; got {value}");

    public static double InRange(double value, string name, double min, double max) =>
        value >= min && value <= max
            ? value
            : throw Invalid(string.Create(CultureInfo.InvariantCulture, $"'{name}' must be between {min} and {max}; got {value}"));

    public static McpProtocolException Invalid(string message) => new(message, McpErrorCode.InvalidParams);

    private static ParameterInfo[] ParametersOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] T>(string promptName) =>
        typeof(T).GetMethods()
            .FirstOrDefault(m => m.GetCustomAttribute<McpServerPromptAttribute>()?.Name == promptName)?
            .GetParameters()
            .Where(p => p.ParameterType != typeof(CancellationToken) && p.Name is not null)
            .ToArray() ?? [];

    private static void CheckNumber(string prompt, ParameterInfo parameter, string text)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var ok = type == typeof(int) ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            : type != typeof(double) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (!ok)
        {
            throw Invalid($"'{parameter.Name}' of prompt '{prompt}' must be {Describe(parameter)}; got '{text}'");
        }
    }

    private static bool IsNumber(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) || type == typeof(double);
    }

    private static string Describe(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var kind = type == typeof(int) ? "a whole number" : type == typeof(double) ? "a number" : null;
        var description = parameter.GetCustomAttribute<DescriptionAttribute>()?.Description.TrimEnd('.');
        return (kind, description) switch
        {
            (null, null) => "a value",
            (null, _) => description!,
            (_, null) => kind,
            _ => $"{kind} ({description})",
        };
    }
}
