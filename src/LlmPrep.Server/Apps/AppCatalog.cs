using LlmPrep.Server.Tools;

namespace LlmPrep.Server.Apps;

/// <summary>The MCP Apps (the <c>io.modelcontextprotocol/ui</c> extension) this server offers to hosts that render them.</summary>
internal static class AppCatalog
{
    /// <summary>The extension's identifier in client capabilities.</summary>
    public const string ExtensionId = "io.modelcontextprotocol/ui";

    /// <summary>The MIME type of an MCP App HTML resource.</summary>
    public const string MimeType = "text/html;profile=mcp-app";

    public const string Scheme = "ui://";

    public static readonly McpApp Quiz = new(
        "ui://llmprep/quiz", "llmprep-quiz", "Quiz card",
        "An interactive flashcard: answer, see the graded key points and the reference answer, change the rating, next card.",
        "quiz.html", ["quiz_next"], [AppTools.NoteViewTool]);

    public static readonly McpApp Progress = new(
        "ui://llmprep/progress", "llmprep-progress", "Readiness dashboard",
        "Readiness overall and per section (must/good/nice), the 14-day due forecast, the study streak and the weakest topics.",
        "progress.html", ["progress_report"], [AppTools.ActivityTool]);

    public static readonly McpApp Note = new(
        "ui://llmprep/note", "llmprep-note", "Note reader",
        "A study note rendered with a table of contents and a button to be quizzed on it.",
        "note.html", ["read_note"], []);

    public static IReadOnlyList<McpApp> All { get; } = [Quiz, Progress, Note];

    public static McpApp? ForUri(string? uri) => All.FirstOrDefault(a => string.Equals(a.Uri, uri, StringComparison.Ordinal));

    /// <summary>The app a tool is linked to, and whether only the app may call it.</summary>
    public static (McpApp App, bool AppOnly)? ForTool(string? tool)
    {
        foreach (var app in All)
        {
            if (app.Tools.Contains(tool))
            {
                return (app, false);
            }

            if (app.AppTools.Contains(tool))
            {
                return (app, true);
            }
        }

        return null;
    }

    public static bool IsAppOnly(string? tool) => ForTool(tool) is { AppOnly: true };
}
