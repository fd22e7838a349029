using System.Collections;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// A note's sections held as values in one array beside the body they share, instead of one object each; a
/// <see cref="NoteSection"/> is made when one is asked for. A large vault has several sections a note, so this keeps
/// hundreds of thousands of small objects out of memory.
/// </summary>
internal sealed class SectionTable : IReadOnlyList<NoteSection>
{
    private readonly NoteBody _body;
    private readonly SectionRecord[] _records;
    private readonly TextRange? _lead;
    private readonly string? _titleAnchor;
    private readonly string?[]? _anchors;

    /// <param name="lead">The title section's lead text.</param>
    /// <param name="titleAnchor">The title section's anchor (""), or null when it is its heading's slug.</param>
    /// <param name="anchors">The anchors of the other sections that are not their heading's slug, or null when there are none.</param>
    private SectionTable(NoteBody body, SectionRecord[] records, TextRange? lead, string? titleAnchor, string?[]? anchors)
    {
        _body = body;
        _records = records;
        _lead = lead;
        _titleAnchor = titleAnchor;
        _anchors = anchors;
    }

    public int Count => _records.Length;

    public NoteSection this[int index] => Make(index);

    /// <summary>The sections as a table when they all cut their text from one body, else the list as it is.</summary>
    public static IReadOnlyList<NoteSection> Compact(IReadOnlyList<NoteSection> sections)
    {
        if (sections.Count == 0 || sections is SectionTable)
        {
            return sections;
        }

        var body = sections[0].Body;
        var records = new SectionRecord[sections.Count];
        string?[]? anchors = null;
        for (var i = 0; i < records.Length; i++)
        {
            var section = sections[i];
            if (!ReferenceEquals(section.Body, body) || (i > 0 && section.LeadRange is not null))
            {
                return sections;
            }

            if (i > 0 && !section.AnchorIsSlug)
            {
                anchors ??= new string?[records.Length];
                anchors[i] = section.Anchor;
            }

            records[i] = new SectionRecord(section.Heading, section.Depth, section.Line, section.MarkdownRange, section.OwnRange);
        }

        var title = sections[0];
        return new SectionTable(body, records, title.LeadRange, title.AnchorIsSlug ? null : title.Anchor, anchors);
    }

    /// <summary>The section whose anchor is <paramref name="anchor"/> (ignoring case), or null; no section is made for the others.</summary>
    public NoteSection? Find(string anchor)
    {
        for (var i = 0; i < _records.Length; i++)
        {
            var held = i == 0 ? _titleAnchor : _anchors?[i];
            if (held is null ? Slug.Matches(_records[i].Heading, anchor) : string.Equals(held, anchor, StringComparison.OrdinalIgnoreCase))
            {
                return Make(i);
            }
        }

        return null;
    }

    public IEnumerator<NoteSection> GetEnumerator()
    {
        for (var i = 0; i < _records.Length; i++)
        {
            yield return Make(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private NoteSection Make(int index)
    {
        var record = _records[index];
        return new(index == 0 ? _titleAnchor : _anchors?[index], record.Heading, record.Depth, record.Line, _body, record.Markdown, index == 0 ? _lead : null, record.Own);
    }
}
