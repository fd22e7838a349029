namespace LlmPrep.Core.Corpus;

/// <summary>
/// The YAML front matter of a note, read as the small subset notes use: <c>key: scalar</c>,
/// <c>key: [flow, list]</c> and block lists (<c>key:</c> then <c>- item</c> lines), with quoted
/// or plain scalars and <c>#</c> comments. Hand-written so it stays reflection-free and AOT-safe.
/// </summary>
public sealed class FrontMatter
{
    private readonly Dictionary<string, (string? Scalar, List<string>? List, int Line)> _values = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Keys => _values.Keys;

    public bool Has(string key) => _values.ContainsKey(key);

    public int LineOf(string key) => _values.TryGetValue(key, out var v) ? v.Line : 1;

    /// <summary>True when the key holds a plain value rather than a list.</summary>
    public bool IsScalar(string key) => _values.TryGetValue(key, out var v) && v.List is null;

    public string? Scalar(string key) =>
        _values.TryGetValue(key, out var v) ? v.Scalar ?? (v.List is { } list ? string.Join(", ", list) : null) : null;

    public IReadOnlyList<string> List(string key)
    {
        if (!_values.TryGetValue(key, out var v))
        {
            return [];
        }

        if (v.List is not null)
        {
            return v.List;
        }

        // A scalar list such as "tags: rag retrieval" or "tags: rag, retrieval".
        return string.IsNullOrWhiteSpace(v.Scalar)
            ? []
            : v.Scalar.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Parses front matter lines; <paramref name="firstLine"/> is the file line of the first one.</summary>
    public static FrontMatter Parse(IReadOnlyList<string> lines, int firstLine, ICollection<(int Line, string Message)> problems)
    {
        var result = new FrontMatter();
        string? listKey = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var lineNumber = firstLine + i;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed == "-")
            {
                if (listKey is null)
                {
                    problems.Add((lineNumber, $"list item outside a list: '{trimmed}'"));
                    continue;
                }

                result._values[listKey].List!.Add(Unquote(StripComment(trimmed[1..].Trim())));
                continue;
            }

            var colon = FindKeyColon(line);
            if (colon <= 0 || char.IsWhiteSpace(line[0]))
            {
                problems.Add((lineNumber, $"front matter line is not 'key: value': '{trimmed}'"));
                listKey = null;
                continue;
            }

            var key = line[..colon].Trim();
            var value = StripComment(line[(colon + 1)..].Trim());
            if (result._values.ContainsKey(key))
            {
                problems.Add((lineNumber, $"front matter key '{key}' appears twice"));
            }

            if (value.Length == 0)
            {
                result._values[key] = (null, [], lineNumber);
                listKey = key;
            }
            else if (value.StartsWith('['))
            {
                if (!value.EndsWith(']'))
                {
                    problems.Add((lineNumber, $"unclosed list in '{key}'"));
                    value += "]";
                }

                result._values[key] = (null, SplitFlowList(value[1..^1]), lineNumber);
                listKey = null;
            }
            else
            {
                if ((value.StartsWith('"') && (value.Length == 1 || !value.EndsWith('"')))
                    || (value.StartsWith('\'') && (value.Length == 1 || !value.EndsWith('\''))))
                {
                    problems.Add((lineNumber, $"unclosed quote in '{key}'"));
                }

                result._values[key] = (Unquote(value), null, lineNumber);
                listKey = null;
            }
        }

        return result;
    }

    private static int FindKeyColon(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == ':' && (i + 1 == line.Length || line[i + 1] == ' ' || line[i + 1] == '\t'))
            {
                return i;
            }

            if (c is '"' or '\'' or '[' or '{')
            {
                return -1;
            }
        }

        return -1;
    }

    private static string StripComment(string value)
    {
        if (value.StartsWith('"') || value.StartsWith('\''))
        {
            return value;
        }

        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash >= 0 ? value[..hash].TrimEnd() : value;
    }

    private static List<string> SplitFlowList(string inner)
    {
        var items = new List<string>();
        var start = 0;
        char? quote = null;
        for (var i = 0; i <= inner.Length; i++)
        {
            if (i < inner.Length)
            {
                var c = inner[i];
                if (quote is not null)
                {
                    if (c == quote)
                    {
                        quote = null;
                    }

                    continue;
                }

                if (c is '"' or '\'')
                {
                    quote = c;
                    continue;
                }

                if (c != ',')
                {
                    continue;
                }
            }

            var item = Unquote(inner[start..i].Trim());
            if (item.Length > 0)
            {
                items.Add(item);
            }

            start = i + 1;
        }

        return items;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            return value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
        }

        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        return value;
    }
}
