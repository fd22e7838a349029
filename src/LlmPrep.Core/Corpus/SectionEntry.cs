namespace LlmPrep.Core.Corpus;

/// <summary>One section as read from a <see cref="SectionTable"/>'s bytes: its numbers, and where its texts lie in the bytes.</summary>
internal readonly record struct SectionEntry(
    int Depth,
    int Line,
    TextRange Markdown,
    TextRange Own,
    TextRange? Lead,
    SectionHeadingKind HeadingKind,
    int HeadingAt,
    int HeadingLength,
    bool HeadingUtf16,
    int AnchorAt,
    int AnchorLength,
    bool AnchorUtf16)
{
    /// <summary>True when the section's anchor is held (it is not its heading's slug).</summary>
    public bool HasAnchor => AnchorAt >= 0;
}
