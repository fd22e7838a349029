namespace LlmPrep.Core.Corpus;

/// <summary>
/// Writes a note's sections, one after another, as the bytes of a <see cref="SectionTable"/> (see
/// <see cref="SectionCursor"/> for their order). The title section's heading is held as a string; a heading other
/// notes repeat is named by its number in <see cref="SharedHeadings"/>; any other is written as UTF-8.
/// </summary>
internal sealed class SectionTableBuilder
{
    private const int KeptScratch = 1 << 16;

    [ThreadStatic]
    private static byte[]? t_scratch;

    private byte[] _buffer;
    private int _length;
    private string? _title;
    private long _line;
    private long _start;

    /// <param name="count">How many sections will be added.</param>
    public SectionTableBuilder(int count)
    {
        _buffer = t_scratch ?? new byte[1024];
        t_scratch = null;
        SectionBytes.WriteUnsigned(ref _buffer, ref _length, (ulong)count);
    }

    /// <param name="anchor">The anchor, or null when it is the heading's slug.</param>
    public void Add(string? anchor, string heading, int depth, int line, TextRange markdown, TextRange? lead, TextRange own)
    {
        SectionHeadingKind kind;
        var number = 0;
        if (_title is null || heading == _title)
        {
            _title ??= heading;
            kind = SectionHeadingKind.Title;
        }
        else if (SharedHeadings.TryShare(heading, out number))
        {
            kind = SectionHeadingKind.Shared;
        }
        else
        {
            kind = SectionHeadingKind.Inline;
        }

        var head = ((ulong)(uint)depth << SectionCursor.DepthShift) | ((ulong)kind << SectionCursor.KindShift)
            | (lead is null ? 0UL : SectionCursor.HasLead) | (anchor is null ? 0UL : SectionCursor.HasAnchor);
        SectionBytes.WriteUnsigned(ref _buffer, ref _length, head);
        SectionBytes.WriteSigned(ref _buffer, ref _length, line - _line);
        SectionBytes.WriteSigned(ref _buffer, ref _length, markdown.Start - _start);
        SectionBytes.WriteUnsigned(ref _buffer, ref _length, (uint)markdown.Length);
        SectionBytes.WriteSigned(ref _buffer, ref _length, (long)own.Start - markdown.Start);
        SectionBytes.WriteUnsigned(ref _buffer, ref _length, (uint)own.Length);
        if (lead is { } leadRange)
        {
            SectionBytes.WriteSigned(ref _buffer, ref _length, leadRange.Start);
            SectionBytes.WriteUnsigned(ref _buffer, ref _length, (uint)leadRange.Length);
        }

        if (kind == SectionHeadingKind.Inline)
        {
            SectionBytes.WriteText(ref _buffer, ref _length, heading);
        }
        else if (kind == SectionHeadingKind.Shared)
        {
            SectionBytes.WriteUnsigned(ref _buffer, ref _length, (uint)number);
        }

        if (anchor is not null)
        {
            SectionBytes.WriteText(ref _buffer, ref _length, anchor);
        }

        _line = line;
        _start = markdown.Start;
    }

    /// <summary>The table of the sections added, cutting their text from <paramref name="body"/>; the builder is not used again.</summary>
    public SectionTable Build(NoteBody body)
    {
        var table = new SectionTable(body, _title ?? "", _buffer.AsSpan(0, _length).ToArray());
        if (_buffer.Length <= KeptScratch)
        {
            t_scratch = _buffer;
        }

        _buffer = [];
        return table;
    }
}
