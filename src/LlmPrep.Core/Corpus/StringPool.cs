using System.Collections.Concurrent;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Hands out one instance of each distinct string it is given, so values that thousands of notes repeat (a section
/// folder, a tag, a heading such as "Summary", a link's target) are held once. Safe to use from several threads; it
/// lives only as long as its user keeps it.
/// </summary>
internal sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Share(string value) => value.Length == 0 ? "" : _strings.GetOrAdd(value, value);
}
