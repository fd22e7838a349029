using LlmPrep.Core.Completion;
using LlmPrep.Core.Corpus;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Prompts;

/// <summary>
/// The notes a prompt embeds as resources (<c>text/markdown</c> at their <c>llmprep://notes/…</c> URIs, exactly
/// what resources/read returns for that URI), within a character budget: whole notes while they fit; a note longer
/// than the whole budget gets the sections that fit. Whatever did not fit is listed so the assistant can read it with read_note.
/// </summary>
internal sealed class PromptResources(int budget = PromptResources.DefaultBudget)
{
    /// <summary>About 13k tokens: up to three notes, enough to judge answers against without crowding the conversation.</summary>
    public const int DefaultBudget = 52_000;

    private readonly List<PromptMessage> _messages = [];
    private readonly HashSet<string> _uris = new(StringComparer.Ordinal);
    private readonly List<Note> _notes = [];
    private readonly List<string> _partly = [];

    public int Used { get; private set; }

    public int Remaining => budget - Used;

    public IReadOnlyList<PromptMessage> Messages => _messages;

    /// <summary>Notes with at least some of their text embedded, in the order they were added.</summary>
    public IReadOnlyList<Note> Notes => _notes;

    /// <summary>URIs of notes that were embedded only in part, or not at all, for lack of room.</summary>
    public IReadOnlyList<string> NotEmbedded => _partly;

    /// <summary>
    /// Embeds the whole note if it fits. A note too long for the whole budget, with nothing embedded yet, gets as many
    /// of its teaching sections as fit; otherwise a note that does not fit is only listed.
    /// </summary>
    public bool AddNote(Note note)
    {
        var uri = NoteUri.For(note);
        var text = note.Body.Trim();
        if (Add(note, uri, text))
        {
            return true;
        }

        _partly.Add(uri);
        if (Used > 0 || text.Length <= budget)
        {
            return false;
        }

        var added = false;
        foreach (var section in CorpusVocabulary.TeachingSections(note).Where(s => s.Depth == 2))
        {
            added |= AddSection(note, section);
        }

        return added;
    }

    /// <summary>Embeds one section (its heading and everything under it), unless its whole note is already in.</summary>
    public bool AddSection(Note note, NoteSection section) =>
        _uris.Contains(NoteUri.For(note)) || Add(note, NoteUri.For(note, section.Anchor), section.Markdown);

    /// <summary>Embeds another LlmPrep resource, such as <c>llmprep://progress</c>.</summary>
    public bool AddText(string uri, string text) => Add(null, uri, text);

    private bool Add(Note? note, string uri, string text)
    {
        if (_uris.Contains(uri))
        {
            return true;
        }

        if (text.Length == 0 || text.Length > Remaining)
        {
            return false;
        }

        _uris.Add(uri);
        Used += text.Length;
        if (note is not null && !_notes.Contains(note))
        {
            _notes.Add(note);
        }

        _messages.Add(new PromptMessage
        {
            Role = Role.User,
            Content = new EmbeddedResourceBlock
            {
                Resource = new TextResourceContents { Uri = uri, MimeType = "text/markdown", Text = text },
            },
        });
        return true;
    }
}
