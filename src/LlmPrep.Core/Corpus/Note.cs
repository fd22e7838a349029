namespace LlmPrep.Core.Corpus;

/// <summary>One markdown note of the corpus, parsed.</summary>
public sealed record Note
{
    /// <summary>Stable kebab-case id from the front matter (or derived from the path for vault notes).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The section folder, e.g. <c>03-rag-and-embeddings</c> ("" for notes at a root's top level).</summary>
    public required string Section { get; init; }

    public NoteLevel Level { get; init; } = NoteLevel.Intermediate;

    public NotePriority Priority { get; init; } = NotePriority.Good;

    public int Minutes { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string Summary { get; init; } = "";

    /// <summary>
    /// The acronyms the body defines ("time to first token (TTFT)"), found when the note is parsed (most notes define
    /// none); for a note made without a parse they are found in its body when asked for.
    /// </summary>
    public IReadOnlyList<AcronymDefinition> DefinedAcronyms
    {
        get => _definedAcronyms ?? AcronymDefinitions.In(Body);
        init => _definedAcronyms = value;
    }

    private readonly IReadOnlyList<AcronymDefinition>? _definedAcronyms;

    /// <summary>Path relative to its corpus root without the <c>.md</c> extension, with <c>/</c> separators.</summary>
    public required string Path { get; init; }

    /// <summary>The whole file's markdown without the front matter (read again from the file when it is not held in memory).</summary>
    public string Body
    {
        get => BodySource?.Text ?? _body;
        init => _body = value;
    }

    private readonly string _body = "";

    /// <summary>Where the body comes from for a note parsed from a file or taken from the parse cache.</summary>
    internal NoteBody? BodySource { get; init; }

    /// <summary>The note's sections, in file order; they share one body and are held as one compact table.</summary>
    public IReadOnlyList<NoteSection> Sections
    {
        get => _sections;
        init => _sections = SectionTable.Compact(value);
    }

    private readonly IReadOnlyList<NoteSection> _sections = [];

    public IReadOnlyList<QuizCard> Cards { get; init; } = [];

    public IReadOnlyList<NoteLink> Links { get; init; } = [];

    /// <summary>Word count of the body, a proxy for reading time and note size.</summary>
    public int Words { get; init; }

    /// <summary>True when the note carries LlmPrep front matter (as opposed to a plain vault note).</summary>
    public bool HasFrontMatter { get; init; }

    /// <summary>The section with this anchor (ignoring case), or null.</summary>
    public NoteSection? FindSection(string anchor) => _sections is SectionTable table
        ? table.Find(anchor)
        : _sections.FirstOrDefault(s => string.Equals(s.Anchor, anchor, StringComparison.OrdinalIgnoreCase));
}
