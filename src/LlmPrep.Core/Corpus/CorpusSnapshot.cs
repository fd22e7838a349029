namespace LlmPrep.Core.Corpus;

/// <summary>The loaded corpus at one moment: notes, cards and every problem found. Immutable.</summary>
public sealed class CorpusSnapshot
{
    /// <summary>Each note's position in <see cref="Notes"/>, by id.</summary>
    private readonly Dictionary<string, int> _byId;
    private readonly Dictionary<string, Note> _byPath;

    public CorpusSnapshot(IReadOnlyList<Note> notes, IReadOnlyList<NoteFile> files, IReadOnlyList<CorpusProblem> problems)
        : this(notes, files, problems, IdsOf(notes), PathsOf(notes))
    {
    }

    /// <param name="byId">Each note's position in <paramref name="notes"/> by id, ignoring case (the loader's check for
    /// repeated ids builds it, and the snapshot keeps it rather than building another).</param>
    /// <param name="byPath">Each note by path, ignoring case, likewise.</param>
    internal CorpusSnapshot(IReadOnlyList<Note> notes, IReadOnlyList<NoteFile> files, IReadOnlyList<CorpusProblem> problems, Dictionary<string, int> byId, Dictionary<string, Note> byPath)
    {
        Notes = notes;
        Files = files;
        Problems = problems;
        _byId = byId;
        _byPath = byPath;
        Sections = notes.Select(n => n.Section).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        var studyOrder = new StudyOrderTable(notes, _byId, BuildStudyOrder(notes, _byId));
        StudyOrder = studyOrder;
        NotesInStudyOrder = studyOrder.InOrder;
    }

    /// <summary>A lookup of ids that ignores case; the ids must be unique.</summary>
    internal static Dictionary<string, int> NewIdLookup(int capacity) => new(capacity, StringComparer.OrdinalIgnoreCase);

    /// <summary>A lookup of paths that ignores case.</summary>
    internal static Dictionary<string, Note> NewPathLookup(int capacity) => new(capacity, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, int> IdsOf(IReadOnlyList<Note> notes)
    {
        var byId = NewIdLookup(notes.Count);
        for (var i = 0; i < notes.Count; i++)
        {
            byId.Add(notes[i].Id, i);
        }

        return byId;
    }

    private static Dictionary<string, Note> PathsOf(IReadOnlyList<Note> notes)
    {
        var byPath = NewPathLookup(notes.Count);
        foreach (var note in notes)
        {
            byPath.Add(note.Path, note);
        }

        return byPath;
    }

    /// <summary>The id of the note whose links set the study order.</summary>
    public const string StudyPlanId = "study-plan";

    /// <summary>
    /// Each note's place in the study order: the order in which the study plan first links to it, then
    /// every other note in path order (the numbered section folders), and the plan's own folder last.
    /// </summary>
    public IReadOnlyDictionary<string, int> StudyOrder { get; }

    /// <summary>Every note in the order of <see cref="StudyOrder"/>, each once.</summary>
    public IReadOnlyList<Note> NotesInStudyOrder { get; }

    /// <summary>Notes in path order (which is study order for the numbered section folders).</summary>
    public IReadOnlyList<Note> Notes { get; }

    public IReadOnlyList<NoteFile> Files { get; }

    /// <summary>Each file's own parse (before cross-note checks), by file key, for the next load to reuse.</summary>
    internal ParsedFiles Parses { get; init; } = ParsedFiles.Empty;

    /// <summary>How many files this load read and parsed (the others came unchanged from memory or the parse cache).</summary>
    public int ParsedCount { get; init; }

    /// <summary>How many files this load took from the parse cache kept beside the index.</summary>
    public int CachedCount { get; init; }

    /// <summary>Lets go of the note bodies that can be read again from their files (after the index took their text).</summary>
    internal void ReleaseBodies()
    {
        foreach (var parsed in Parses.Values)
        {
            parsed.File.Note?.BodySource?.Release();
        }
    }

    public IReadOnlyList<CorpusProblem> Problems { get; }

    /// <summary>The section folder names, sorted.</summary>
    public IReadOnlyList<string> Sections { get; }

    public int ErrorCount => Problems.Count(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<QuizCard> Cards => Notes.SelectMany(n => n.Cards);

    public Note? FindById(string id) => _byId.TryGetValue(id, out var index) ? Notes[index] : null;

    public Note? FindByPath(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>The card with this id, looked for among the cards of the note its id starts with
    /// (<c>&lt;note id&gt;/&lt;slug of the question&gt;</c>), so no lookup of its own is held for every card.</summary>
    public QuizCard? FindCard(string cardId)
    {
        var slash = cardId.LastIndexOf('/');
        if (slash > 0 && FindById(cardId[..slash]) is { } note)
        {
            foreach (var card in note.Cards)
            {
                if (string.Equals(card.Id, cardId, StringComparison.Ordinal))
                {
                    return card;
                }
            }
        }

        return null;
    }

    /// <summary>The notes' positions in study order.</summary>
    private static int[] BuildStudyOrder(IReadOnlyList<Note> notes, Dictionary<string, int> byId)
    {
        // The plan's own folder (the plan and its checklist) is about studying, so it comes last.
        var order = new List<int>(notes.Count);
        var placed = new bool[notes.Count];
        void Place(int index)
        {
            if (!placed[index])
            {
                placed[index] = true;
                order.Add(index);
            }
        }

        var planSection = byId.TryGetValue(StudyPlanId, out var planIndex) ? notes[planIndex].Section : null;
        foreach (var link in planSection is null ? [] : notes[planIndex].Links)
        {
            if (byId.TryGetValue(link.Target, out var linked) && notes[linked].Section != planSection)
            {
                Place(linked);
            }
        }

        for (var i = 0; i < notes.Count; i++)
        {
            if (notes[i].Section != planSection)
            {
                Place(i);
            }
        }

        for (var i = 0; i < notes.Count; i++)
        {
            if (notes[i].Section == planSection)
            {
                Place(i);
            }
        }

        return [.. order];
    }

    /// <summary>Finds a section folder by its full name, its number ("03") or its name without the number ("rag-and-embeddings").</summary>
    public string? ResolveSection(string section)
    {
        var wanted = section.Trim().ToLowerInvariant();
        return Sections.FirstOrDefault(s => s == wanted)
            ?? Sections.FirstOrDefault(s => s.StartsWith(wanted + "-", StringComparison.Ordinal))
            ?? Sections.FirstOrDefault(s => s.EndsWith("-" + wanted, StringComparison.Ordinal))
            ?? Sections.FirstOrDefault(s => wanted.Length >= 3 && s.Contains(wanted, StringComparison.Ordinal));
    }
}
