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

    private SectionTable(NoteBody body, SectionRecord[] records)
    {
        _body = body;
        _records = records;
    }

    public int Count => _records.Length;

    public NoteSection this[int index] => Make(_records[index]);

    /// <summary>The sections as a table when they all cut their text from one body, else the list as it is.</summary>
    public static IReadOnlyList<NoteSection> Compact(IReadOnlyList<NoteSection> sections)
    {
        if (sections.Count == 0 || sections is SectionTable)
        {
            return sections;
        }

        var body = sections[0].Body;
        var records = new SectionRecord[sections.Count];
        for (var i = 0; i < records.Length; i++)
        {
            var section = sections[i];
            if (!ReferenceEquals(section.Body, body))
            {
                return sections;
            }

            records[i] = section.Record;
        }

        return new SectionTable(body, records);
    }

    public IEnumerator<NoteSection> GetEnumerator()
    {
        foreach (var record in _records)
        {
            yield return Make(record);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private NoteSection Make(SectionRecord record) =>
        new(record.Anchor, record.Heading, record.Depth, record.Line, _body, record.Markdown, record.Lead, record.Own);
}
