using System.ComponentModel;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Apps;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

/// <summary>
/// Tools the MCP Apps call for what they draw (visibility "app"): hosts keep them from the model, and clients
/// that do not render apps never see them.
/// </summary>
[McpServerToolType]
public sealed class AppTools(LibraryHost library, QuizHost quiz)
{
    public const string NoteViewTool = "note_view";
    public const string ActivityTool = "progress_activity";

    [McpServerTool(Name = NoteViewTool, Title = "Note as HTML", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(NoteView))]
    [Description("""
        For the LlmPrep apps: a note, or one section of it, rendered to HTML with its table of contents and related notes.
        The quiz section is left out. Pass a llmprep://notes/... URI (a #anchor selects a section), a path or a note id.
        """)]
    public async Task<CallToolResult> NoteView(
        [Description("The note: llmprep://notes/<path>[#anchor], a relative path, or a note id.")] string uri,
        CancellationToken cancellationToken = default)
    {
        var corpus = (await library.GetAsync(cancellationToken)).Corpus;
        var (note, anchor, error) = NoteUri.Resolve(corpus, uri);
        return note is null ? ToolResults.Error(error!) : ToolResults.Structured(NoteHtml.Render(corpus, note, anchor));
    }

    [McpServerTool(Name = ActivityTool, Title = "Study activity", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(StudyActivity))]
    [Description("""
        For the LlmPrep readiness dashboard: reviews due on each of the next 14 days, reviews done on each of the last 84
        days, and each section's readiness split into must, good and nice cards.
        """)]
    public async Task<CallToolResult> Activity(CancellationToken cancellationToken = default)
    {
        var corpus = (await library.GetAsync(cancellationToken)).Corpus;
        try
        {
            return ToolResults.Structured(quiz.Service.Activity(corpus));
        }
        catch (QuizException ex)
        {
            return ToolResults.Error(ex.Message);
        }
    }
}
