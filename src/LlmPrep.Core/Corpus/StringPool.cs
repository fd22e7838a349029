using System.Collections.Concurrent;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Hands out one instance of each distinct string it is given, so values that thousands of notes repeat (a section
/// folder, a tag, a heading such as "Summary", a link's target) are held once, and likewise each distinct list of them
/// (a set of tags many notes carry). Safe to use from several threads; it
/// lives only as long as its user keeps it.
/// </summary>
internal sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _lists = new(StringComparer.Ordinal);

    public string Share(string value) => value.Length == 0 ? "" : _strings.GetOrAdd(value, value);

    /// <summary>One array for each distinct list of shared strings (never to be changed by its holders).</summary>
    public string[] Share(string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Share(values[i]);
        }

        return values.Length == 0 ? values : _lists.GetOrAdd(string.Join('\0', values), values);
    }
}
