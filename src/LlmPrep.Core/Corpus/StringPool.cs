namespace LlmPrep.Core.Corpus;

/// <summary>
/// Hands out one instance of each distinct string it is given, so values that thousands of notes repeat (a section
/// folder, a tag, a link's target) are held once, and likewise each distinct list of them
/// (a set of tags many notes carry). Safe to use from several threads (each call takes a lock for a lookup); it lives
/// only as long as its user keeps it, and holds an entry a distinct value rather than a node.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings;
    private readonly Dictionary<string, string[]> _lists = new(StringComparer.Ordinal);

    /// <param name="capacity">About how many distinct strings it will hold.</param>
    public StringPool(int capacity = 0) => _strings = new(capacity, StringComparer.Ordinal);

    public string Share(string value)
    {
        if (value.Length == 0)
        {
            return "";
        }

        lock (_strings)
        {
            if (_strings.TryGetValue(value, out var shared))
            {
                return shared;
            }

            _strings.Add(value);
            return value;
        }
    }

    public string[] Share(string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Share(values[i]);
        }

        if (values.Length == 0)
        {
            return values;
        }

        var key = string.Join('\0', values);
        lock (_lists)
        {
            if (_lists.TryGetValue(key, out var shared))
            {
                return shared;
            }

            _lists.Add(key, values);
            return values;
        }
    }
}
