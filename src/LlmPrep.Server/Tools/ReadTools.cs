using System.ComponentModel;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

[McpServerToolType]
public sealed class ReadTools(LibraryHost host)
{
    public const int DefaultMaxTokens = 4_000;
    public const int MinTokens = 100;
    public const int MaxTokens = 50_000;

    [McpServerTool(Name = "read_note", Title = "Read a study note", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ReadNoteResult))]
    [Description("""
        Reads a study note, or one section of it, as markdown. Pass the llmprep://notes/... URI from search_notes or list_topics
        (a #anchor selects a section), a path such as 03-rag-and-embeddings/hybrid-search, or a note id. Long notes come in
        pages: read again with offset = next_offset until next_offset is null. The outline lists the note's section anchors.
        """)]
    public async Task<CallToolResult> ReadNote(
        [Description("The note: llmprep://notes/<path>[#anchor], a relative path, or a note id.")] string uri,
        [Description("Character offset to start from (next_offset of the previous page).")] int offset = 0,
        [Description("Approximate token budget for this page (default 4000, 100 to 50000).")] int max_tokens = DefaultMaxTokens,
        CancellationToken cancellationToken = default)
    {
        var library = await host.GetAsync(cancellationToken);
        var (note, anchor, error) = NoteUri.Resolve(library.Corpus, uri);
        if (note is null)
        {
            return ToolResults.Error(error!);
        }

        if (max_tokens is < MinTokens or > MaxTokens)
        {
            return ToolResults.Error($"max_tokens must be between {MinTokens} and {MaxTokens}; got {max_tokens}");
        }

        var section = anchor is null ? null : note.FindSection(anchor);
        var text = section?.Markdown ?? note.Body.Trim();
        if (offset < 0 || offset > text.Length)
        {
            return ToolResults.Error($"offset {offset} is outside the text, which has {text.Length} characters");
        }

        var page = NotePage.Cut(text, offset, max_tokens * 4);
        var result = new ReadNoteResult(
            NoteUri.For(note, anchor),
            note.Id,
            note.Title,
            section?.Heading ?? note.Title,
            note.Section,
            note.Level.ToText(),
            note.Priority.ToText(),
            note.Minutes,
            note.Summary,
            page.Text,
            page.Offset,
            page.NextOffset,
            page.TotalChars,
            note.Sections.Where(s => s.Depth is 2 or 3 && s.Anchor.Length > 0).Select(s => new NoteHeading(s.Anchor, s.Heading, s.Depth)).ToList(),
            note.Links.Select(l => l.Target).Distinct().ToList());
        return ToolResults.Structured(result, warning: library.IndexNotice);
    }
}
