namespace LlmPrep.Core.Corpus;

/// <summary>
/// The note a <c>[[link]]</c> names: the note with that id, else the first note (in load order) whose path ends with
/// it or whose title it is. Most links name an id, so the lookups by path and title are built only when the first
/// link that does not is met; a large vault whose links all name ids never holds them.
/// </summary>
/// <param name="ids">Each note's position in <paramref name="notes"/> by id.</param>
internal sealed class LinkTargets(IReadOnlyList<Note> notes, IReadOnlyDictionary<string, int> ids)
{
    private PathSuffixes? _bySuffix;
    private Dictionary<string, int>? _byTitle;

    public Note? Find(string target)
    {
        if (ids.TryGetValue(target, out var index))
        {
            return notes[index];
        }

        var first = (_bySuffix ??= new PathSuffixes(notes)).FirstEndingWith(target);
        if ((_byTitle ??= ByTitle(notes)).TryGetValue(target, out var titled) && (first < 0 || titled < first))
        {
            first = titled;
        }

        return first < 0 ? null : notes[first];
    }

    private static Dictionary<string, int> ByTitle(IReadOnlyList<Note> notes)
    {
        var byTitle = new Dictionary<string, int>(notes.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < notes.Count; i++)
        {
            byTitle.TryAdd(notes[i].Title, i);
        }

        return byTitle;
    }
}
