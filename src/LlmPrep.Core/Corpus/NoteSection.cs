namespace LlmPrep.Core.Corpus;

/// <summary>
/// A heading of a note and the markdown under it (up to the next heading of the same or a higher level).
/// The note's own title (level 1) is the section with an empty anchor and covers the lead text.
/// Its text is cut from the note's body on demand, so a section holds only where its text lies.
/// </summary>
public sealed record NoteSection
{
    private readonly NoteBody _body;
    private readonly string? _anchor;

    /// <param name="anchor">Stable slug of the heading, unique within the note ("" for the title).</param>
    /// <param name="heading">The heading text.</param>
    /// <param name="depth">Heading level: 1 for the title, 2 for <c>##</c>, and so on.</param>
    /// <param name="line">1-based line of the heading in the file.</param>
    /// <param name="markdown">The section's markdown, including its heading and nested sub-sections.</param>
    /// <param name="ownText">The section's text without nested sub-sections (what the index stores for it).</param>
    public NoteSection(string anchor, string heading, int depth, int line, string markdown, string ownText)
        : this(anchor, heading, depth, line, new NoteBody(markdown + ownText, null, 0, ""), new TextRange(0, markdown.Length), null, new TextRange(markdown.Length, ownText.Length))
    {
    }

    /// <param name="anchor">The anchor, or null when it is the heading's slug (worked out when asked for, not held).</param>
    internal NoteSection(string? anchor, string heading, int depth, int line, NoteBody body, TextRange markdown, TextRange? leadText, TextRange ownText)
    {
        _anchor = anchor;
        Heading = heading;
        Depth = depth;
        Line = line;
        _body = body;
        MarkdownRange = markdown;
        LeadRange = leadText;
        OwnRange = ownText;
    }

    /// <summary>Stable slug of the heading, unique within the note ("" for the title).</summary>
    public string Anchor => _anchor ?? Slug.From(Heading);

    /// <summary>True when the anchor is the heading's slug (not made unique with a number).</summary>
    internal bool AnchorIsSlug => _anchor is null;

    /// <summary>The heading text.</summary>
    public string Heading { get; }

    /// <summary>Heading level: 1 for the title, 2 for <c>##</c>, and so on.</summary>
    public int Depth { get; }

    /// <summary>1-based line of the heading in the file.</summary>
    public int Line { get; }

    /// <summary>The section's markdown, including its heading and nested sub-sections.</summary>
    public string Markdown => MarkdownRange.Of(_body.Text);

    /// <summary>The section's text without nested sub-sections (what the index stores for it).</summary>
    public string OwnText
    {
        get
        {
            var text = _body.Text;
            return LeadRange is { } lead ? (lead.Of(text) + "\n" + OwnRange.Of(text)).Trim() : OwnRange.Of(text);
        }
    }

    /// <summary>The body the section's text is cut from.</summary>
    internal NoteBody Body => _body;

    /// <summary>Where <see cref="Markdown"/> lies in the body.</summary>
    internal TextRange MarkdownRange { get; }

    /// <summary>For the title section: the text before the title heading, joined to <see cref="OwnRange"/> by a line break.</summary>
    internal TextRange? LeadRange { get; }

    /// <summary>Where <see cref="OwnText"/> lies in the body (the part after the title heading for the title section).</summary>
    internal TextRange OwnRange { get; }
}
