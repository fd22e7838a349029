using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Index;

/// <summary>
/// What a sync writes for one file, made ready before the write: its encoded parse and each section's row and
/// columns. Making it reads a released body back from its file, so it is done off the thread that writes.
/// </summary>
/// <param name="File">The file as scanned and parsed.</param>
/// <param name="Replaces">The index holds an older version of the file, whose sections go first.</param>
/// <param name="Parse">The parse kept with the file, or null when there is none to keep.</param>
/// <param name="Sections">The note's sections, in order (none for a file without a note).</param>
internal sealed record PreparedFile(NoteFile File, bool Replaces, byte[]? Parse, IReadOnlyList<PreparedSection> Sections)
{
    public static PreparedFile Of(NoteFile file, bool replaces, ParsedFile? parse)
    {
        var sections = new List<PreparedSection>();
        if (file.Note is { } note)
        {
            // Held while the note's sections are cut: a body let go after parsing is then read from its file once.
            var body = note.BodySource?.Text;
            foreach (var section in note.Sections)
            {
                sections.Add(new PreparedSection(section.Anchor, section.Anchor.Length == 0 ? "" : section.Heading, SectionColumns.Of(note, section)));
            }

            GC.KeepAlive(body);
        }

        return new PreparedFile(file, replaces, parse is null ? null : ParsedFileCodec.Encode(parse), sections);
    }
}
