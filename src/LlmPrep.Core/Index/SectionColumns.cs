using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Index;

/// <summary>
/// The text a section is indexed under, by column: the note's title, summary, aliases and tags ride on its lead
/// section (the one with no anchor); every section carries its own text as the body.
/// </summary>
internal sealed record SectionColumns(string Title, string Heading, string Aliases, string Tags, string Body)
{
    public static SectionColumns Of(Note note, NoteSection section)
    {
        var isLead = section.Anchor.Length == 0;
        return new SectionColumns(
            isLead ? note.Title : "",
            isLead ? note.Summary : section.Heading,
            isLead ? string.Join(", ", note.Aliases) : "",
            isLead ? string.Join(", ", note.Tags) : "",
            section.OwnText);
    }
}
