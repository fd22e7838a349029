using System.Collections;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// A note's sections held as one array of bytes beside the body they share (see <see cref="SectionCursor"/> for their
/// order), instead of one object each; a <see cref="NoteSection"/> is made when one is asked for. A large vault has
/// several sections a note, so this keeps hundreds of thousands of small objects and strings out of memory. A section
/// is found by its anchor without making a string.
/// </summary>
internal sealed class SectionTable : IReadOnlyList<NoteSection>
{
    private readonly NoteBody _body;
    private readonly string _title;
    private readonly byte[] _data;

    /// <param name="title">The title section's heading.</param>
    /// <param name="data">The sections, written by a <see cref="SectionTableBuilder"/>.</param>
    internal SectionTable(NoteBody body, string title, byte[] data)
    {
        _body = body;
        _title = title;
        _data = data;
    }

    public int Count => new SectionCursor(_data).Count;

    public NoteSection this[int index]
    {
        get
        {
            var cursor = new SectionCursor(_data);
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, cursor.Count);
            SectionEntry entry;
            for (var i = 0; i <= index; i++)
            {
                cursor.Next(_data, out entry);
                if (i == index)
                {
                    return Make(entry);
                }
            }

            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>The sections as a table when they all cut their text from one body, else the list as it is.</summary>
    public static IReadOnlyList<NoteSection> Compact(IReadOnlyList<NoteSection> sections)
    {
        if (sections.Count == 0 || sections is SectionTable)
        {
            return sections;
        }

        var body = sections[0].Body;
        foreach (var section in sections)
        {
            if (!ReferenceEquals(section.Body, body))
            {
                return sections;
            }
        }

        var builder = new SectionTableBuilder(sections.Count);
        foreach (var section in sections)
        {
            builder.Add(section.AnchorIsSlug ? null : section.Anchor, section.Heading, section.Depth, section.Line, section.MarkdownRange, section.LeadRange, section.OwnRange);
        }

        return builder.Build(body);
    }

    /// <summary>The section whose anchor is <paramref name="anchor"/> (ignoring case), or null; no section nor heading is made for the others.</summary>
    public NoteSection? Find(string anchor)
    {
        var cursor = new SectionCursor(_data);
        while (cursor.Next(_data, out var entry))
        {
            if (Matches(entry, anchor))
            {
                return Make(entry);
            }
        }

        return null;
    }

    public IEnumerator<NoteSection> GetEnumerator()
    {
        var cursor = new SectionCursor(_data);
        while (cursor.Next(_data, out var entry))
        {
            yield return Make(entry);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool Matches(in SectionEntry entry, string anchor)
    {
        if (entry.HasAnchor)
        {
            return SectionBytes.EqualsIgnoringCase(_data.AsSpan(entry.AnchorAt, entry.AnchorLength), entry.AnchorUtf16, anchor);
        }

        return entry.HeadingKind switch
        {
            SectionHeadingKind.Inline when !entry.HeadingUtf16 => Slug.Matches(_data.AsSpan(entry.HeadingAt, entry.HeadingLength), anchor),
            SectionHeadingKind.Title => Slug.Matches(_title, anchor),
            _ => Slug.Matches(Heading(entry), anchor),
        };
    }

    private string Heading(in SectionEntry entry) => entry.HeadingKind switch
    {
        SectionHeadingKind.Inline => SectionBytes.TextOf(_data.AsSpan(entry.HeadingAt, entry.HeadingLength), entry.HeadingUtf16),
        SectionHeadingKind.Shared => SharedHeadings.Get(entry.HeadingAt),
        _ => _title,
    };

    private NoteSection Make(in SectionEntry entry)
    {
        var anchor = entry.HasAnchor ? SectionBytes.TextOf(_data.AsSpan(entry.AnchorAt, entry.AnchorLength), entry.AnchorUtf16) : null;
        return new(anchor, Heading(entry), entry.Depth, entry.Line, _body, entry.Markdown, entry.Lead, entry.Own);
    }
}
