using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Each note's place in the study order, by note id, held as two arrays beside the snapshot's id lookup (a note's
/// place by its position in the notes, and the notes in study order) instead of a dictionary of its own.
/// </summary>
internal sealed class StudyOrderTable : IReadOnlyDictionary<string, int>
{
    private readonly IReadOnlyList<Note> _notes;
    private readonly Dictionary<string, int> _byId;
    private readonly int[] _placeOf;
    private readonly int[] _inOrder;

    /// <param name="notes">The notes.</param>
    /// <param name="byId">Each note's position in <paramref name="notes"/>, by id.</param>
    /// <param name="inOrder">The notes' positions in study order, each note once.</param>
    public StudyOrderTable(IReadOnlyList<Note> notes, Dictionary<string, int> byId, int[] inOrder)
    {
        _notes = notes;
        _byId = byId;
        _inOrder = inOrder;
        InOrder = new StudyOrderList(notes, inOrder);
        _placeOf = new int[notes.Count];
        for (var place = 0; place < inOrder.Length; place++)
        {
            _placeOf[inOrder[place]] = place;
        }
    }

    public int Count => _inOrder.Length;

    /// <summary>The notes in study order.</summary>
    public IReadOnlyList<Note> InOrder { get; }

    public IEnumerable<string> Keys => _inOrder.Select(i => _notes[i].Id);

    public IEnumerable<int> Values => Enumerable.Range(0, _inOrder.Length);

    public int this[string key] => TryGetValue(key, out var place) ? place : throw new KeyNotFoundException($"no note '{key}'");

    public bool ContainsKey(string key) => _byId.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
    {
        var found = _byId.TryGetValue(key, out var index);
        value = found ? _placeOf[index] : 0;
        return found;
    }

    public IEnumerator<KeyValuePair<string, int>> GetEnumerator() =>
        _inOrder.Select((index, place) => KeyValuePair.Create(_notes[index].Id, place)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
