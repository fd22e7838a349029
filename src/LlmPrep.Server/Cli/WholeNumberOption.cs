using System.CommandLine;
using System.Globalization;

namespace LlmPrep.Server.Cli;

/// <summary>An option that takes a whole number in a range, and says so in plain words when given anything else.</summary>
internal static class WholeNumberOption
{
    public static Option<int> Create(string name, string description, int defaultValue, int min, int max) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError($"{name} takes a whole number from {min} to {max}; got '{text}'.");
            return defaultValue;
        },
    };
}
