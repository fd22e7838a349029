namespace LlmPrep.Core.Corpus;

/// <summary>
/// Finds the first note whose path ends with a given text (ignoring case) without scanning every note: the notes are
/// sorted by their paths read backwards in upper case, so the notes ending with a text are one run found by binary
/// search. The paths are compared where they are; no reversed copy is made.
/// </summary>
internal sealed class PathSuffixes
{
    /// <summary>Note indexes, sorted by path read backwards (ties by index).</summary>
    private readonly int[] _order;
    private readonly IReadOnlyList<Note> _notes;

    public PathSuffixes(IReadOnlyList<Note> notes)
    {
        _notes = notes;
        _order = new int[notes.Count];
        for (var i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        Array.Sort(_order, (a, b) => CompareBackwards(notes[a].Path, notes[b].Path) is var c && c != 0 ? c : a.CompareTo(b));
    }

    /// <summary>The lowest index of a note whose path ends with <paramref name="suffix"/>, or -1.</summary>
    public int FirstEndingWith(string suffix)
    {
        int low = 0, high = _order.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (CompareBackwards(_notes[_order[middle]].Path, suffix) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var first = -1;
        for (var i = low; i < _order.Length && EndsWithUpper(_notes[_order[i]].Path, suffix); i++)
        {
            var index = _order[i];
            if ((first < 0 || index < first) && _notes[index].Path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                first = index;
            }
        }

        return first;
    }

    /// <summary>Compares two texts as their upper-case characters read from the last: ordinal order of the reversed texts.</summary>
    private static int CompareBackwards(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 1; i <= length; i++)
        {
            var compared = char.ToUpperInvariant(a[^i]).CompareTo(char.ToUpperInvariant(b[^i]));
            if (compared != 0)
            {
                return compared;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>True when <paramref name="text"/> read backwards in upper case starts as <paramref name="suffix"/> does.</summary>
    private static bool EndsWithUpper(string text, string suffix)
    {
        if (suffix.Length > text.Length)
        {
            return false;
        }

        for (var i = 1; i <= suffix.Length; i++)
        {
            if (char.ToUpperInvariant(text[^i]) != char.ToUpperInvariant(suffix[^i]))
            {
                return false;
            }
        }

        return true;
    }
}
