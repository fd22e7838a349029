namespace LlmPrep.Core.Corpus;

/// <summary>What a <see cref="NoteSection"/> holds apart from its note's body, as a value kept in one array a note.</summary>
internal readonly struct SectionRecord
{
    private readonly TextRange _lead;

    public SectionRecord(string? anchor, string heading, int depth, int line, TextRange markdown, TextRange? lead, TextRange own)
    {
        Anchor = anchor;
        Heading = heading;
        Depth = depth;
        Line = line;
        Markdown = markdown;
        _lead = lead ?? new TextRange(0, -1);
        Own = own;
    }

    public string? Anchor { get; }

    public string Heading { get; }

    public int Depth { get; }

    public int Line { get; }

    public TextRange Markdown { get; }

    /// <summary>The title section's lead text, null for every other section (held as a range of length -1).</summary>
    public TextRange? Lead => _lead.Length < 0 ? null : _lead;

    public TextRange Own { get; }
}
