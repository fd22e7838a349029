namespace LlmPrep.Core.Corpus;

/// <summary>
/// Reads a <see cref="SectionTable"/>'s bytes section after section. Each section is written as: a head (depth, then
/// the heading kind, then whether it has lead text and whether its anchor is held), its line as a step from the last
/// section's, its markdown's start as a step from the last section's and its length, its own text's start as a step
/// from its markdown's and its length, its lead text's start and length, its heading (text or shared number), and its
/// anchor.
/// </summary>
internal struct SectionCursor
{
    public const int HasAnchor = 1;
    public const int HasLead = 2;
    public const int KindShift = 2;
    public const int DepthShift = 4;

    private int _at;
    private int _index;
    private long _line;
    private long _start;

    public SectionCursor(byte[] data)
    {
        _at = 0;
        Count = (int)SectionBytes.ReadUnsigned(data, ref _at);
    }

    public int Count { get; }

    public bool Next(byte[] data, out SectionEntry entry)
    {
        if (_index == Count)
        {
            entry = default;
            return false;
        }

        _index++;
        var head = SectionBytes.ReadUnsigned(data, ref _at);
        _line += SectionBytes.ReadSigned(data, ref _at);
        _start += SectionBytes.ReadSigned(data, ref _at);
        var markdown = new TextRange((int)_start, (int)SectionBytes.ReadUnsigned(data, ref _at));
        var own = new TextRange((int)(_start + SectionBytes.ReadSigned(data, ref _at)), (int)SectionBytes.ReadUnsigned(data, ref _at));
        TextRange? lead = (head & HasLead) != 0
            ? new TextRange((int)SectionBytes.ReadSigned(data, ref _at), (int)SectionBytes.ReadUnsigned(data, ref _at))
            : null;

        var kind = (SectionHeadingKind)((head >> KindShift) & 3);
        var (headingAt, headingLength, headingUtf16) = kind switch
        {
            SectionHeadingKind.Inline => SectionBytes.SkipText(data, ref _at),
            SectionHeadingKind.Shared => ((int)SectionBytes.ReadUnsigned(data, ref _at), 0, false),
            _ => (0, 0, false),
        };
        var (anchorAt, anchorLength, anchorUtf16) = (head & HasAnchor) != 0 ? SectionBytes.SkipText(data, ref _at) : (-1, 0, false);

        entry = new SectionEntry((int)(uint)(head >> DepthShift), (int)_line, markdown, own, lead, kind, headingAt, headingLength, headingUtf16, anchorAt, anchorLength, anchorUtf16);
        return true;
    }
}
