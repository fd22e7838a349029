namespace LlmPrep.Core.Corpus;

/// <summary>
/// Finds the first note whose path ends with a given text (ignoring case) without scanning every note: paths are
/// kept reversed and sorted, so the notes ending with a text are one run found by binary search.
/// </summary>
internal sealed class PathSuffixes
{
    private readonly (string Reversed, int Index)[] _entries;
    private readonly IReadOnlyList<Note> _notes;

    public PathSuffixes(IReadOnlyList<Note> notes)
    {
        _notes = notes;
        _entries = new (string, int)[notes.Count];
        for (var i = 0; i < notes.Count; i++)
        {
            _entries[i] = (Reverse(notes[i].Path), i);
        }

        Array.Sort(_entries, (a, b) => string.CompareOrdinal(a.Reversed, b.Reversed) is var c && c != 0 ? c : a.Index.CompareTo(b.Index));
    }

    /// <summary>The lowest index of a note whose path ends with <paramref name="suffix"/>, or -1.</summary>
    public int FirstEndingWith(string suffix)
    {
        var wanted = Reverse(suffix);
        int low = 0, high = _entries.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(_entries[middle].Reversed, wanted) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var first = -1;
        for (var i = low; i < _entries.Length && _entries[i].Reversed.StartsWith(wanted, StringComparison.Ordinal); i++)
        {
            var index = _entries[i].Index;
            if ((first < 0 || index < first) && _notes[index].Path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                first = index;
            }
        }

        return first;
    }

    private static string Reverse(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[text.Length - 1 - i] = char.ToUpperInvariant(text[i]);
        }

        return new string(chars);
    }
}
