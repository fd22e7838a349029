using System.ComponentModel;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

[McpServerToolType]
public sealed class ProgressTools(LibraryHost library, QuizHost quiz)
{
    [McpServerTool(Name = "progress_report", Title = "Interview readiness report", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(ProgressReport))]
    [Description("""
        The person's interview readiness from their quiz history: overall and per section (0-100, the priority-weighted chance
        of recalling each card today, must-know topics counting most; unstudied cards count as 0), the weakest studied topics
        with links to their notes, reviews due now and today, new cards left, total reviews and the daily streak. Use it to
        decide what to study or quiz next.
        """)]
    public async Task<CallToolResult> ProgressReport(CancellationToken cancellationToken = default)
    {
        var corpus = (await library.GetAsync(cancellationToken)).Corpus;
        try
        {
            return ToolResults.Structured(quiz.Service.Report(corpus));
        }
        catch (Exception ex) when (ex is QuizException or Core.Progress.ProgressStoreException)
        {
            return ToolResults.Error(ex.Message);
        }
    }
}
