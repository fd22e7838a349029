using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Each file's own parse by file key, held as one array of files in scan order, their keys' order and the few files'
/// problems, instead of a dictionary entry and a parse object a file; a <see cref="ParsedFile"/> is made when one is
/// asked for.
/// </summary>
internal sealed class ParsedFiles : IReadOnlyDictionary<string, ParsedFile>
{
    private readonly NoteFile[] _files;
    private readonly int[] _byKey;
    private readonly Dictionary<int, IReadOnlyList<CorpusProblem>> _problems = [];
    private readonly bool _unique;

    /// <param name="parses">Each file's parse; a later one with the same key as an earlier one stands for both.</param>
    public ParsedFiles(IReadOnlyList<ParsedFile> parses)
    {
        _files = new NoteFile[parses.Count];
        for (var i = 0; i < parses.Count; i++)
        {
            _files[i] = parses[i].File;
            if (parses[i].Problems.Count > 0)
            {
                _problems[i] = parses[i].Problems;
            }
        }

        // Stable order by key, so of files with one key the last is found (a scan of one root is in key order already).
        var order = Enumerable.Range(0, _files.Length).ToArray();
        if (!InKeyOrder(_files))
        {
            Array.Sort(order, (a, b) => string.CompareOrdinal(_files[a].Key, _files[b].Key) is var c and not 0 ? c : a.CompareTo(b));
        }

        var kept = new List<int>(order.Length);
        foreach (var i in order)
        {
            if (kept.Count > 0 && string.Equals(_files[kept[^1]].Key, _files[i].Key, StringComparison.Ordinal))
            {
                kept[^1] = i;
            }
            else
            {
                kept.Add(i);
            }
        }

        _byKey = [.. kept];
        _unique = _byKey.Length == _files.Length;
    }

    /// <summary>No parses at all.</summary>
    public static ParsedFiles Empty { get; } = new([]);

    public int Count => _byKey.Length;

    public IEnumerable<string> Keys => _byKey.Select(i => _files[i].Key);

    public IEnumerable<ParsedFile> Values => _byKey.Select(Make);

    public ParsedFile this[string key] => TryGetValue(key, out var parsed) ? parsed : throw new KeyNotFoundException($"no file '{key}'");

    public bool ContainsKey(string key) => Find(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out ParsedFile value)
    {
        var found = Find(key);
        value = found >= 0 ? Make(found) : null;
        return found >= 0;
    }

    public IEnumerator<KeyValuePair<string, ParsedFile>> GetEnumerator() =>
        _byKey.Select(i => KeyValuePair.Create(_files[i].Key, Make(i))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The parse of the file with <paramref name="key"/>, looked for first at <paramref name="hint"/> in scan
    /// order (where it is when no file was added or removed before it).</summary>
    public ParsedFile? Find(string key, int hint) =>
        _unique && (uint)hint < (uint)_files.Length && string.Equals(_files[hint].Key, key, StringComparison.Ordinal) ? Make(hint)
        : Find(key) is var found and >= 0 ? Make(found)
        : null;

    private int Find(string key)
    {
        var (low, high) = (0, _byKey.Length - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(_files[_byKey[middle]].Key, key);
            if (order == 0)
            {
                return _byKey[middle];
            }

            (low, high) = order < 0 ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    private static bool InKeyOrder(NoteFile[] files)
    {
        for (var i = 1; i < files.Length; i++)
        {
            if (string.CompareOrdinal(files[i - 1].Key, files[i].Key) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private ParsedFile Make(int index) => new(_files[index], _problems.GetValueOrDefault(index) ?? []);
}
