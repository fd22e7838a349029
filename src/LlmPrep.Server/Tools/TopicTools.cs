using System.ComponentModel;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Search;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

[McpServerToolType]
public sealed class TopicTools(LibraryHost host)
{
    [McpServerTool(Name = "list_topics", Title = "List study topics", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(CorpusOutline))]
    [Description("""
        The outline of the interview-prep corpus: sections in study order, each with its notes (id, title, llmprep:// URI,
        level, interview priority must/good/nice, study minutes, quiz card count, one-line summary) and totals. Use it to
        plan study, pick a topic to quiz on, or find a note to read. Optional filters narrow it to one section, level or priority.
        """)]
    public async Task<CallToolResult> ListTopics(
        [Description("Only this section: folder name, number (\"03\") or name (\"rag-and-embeddings\").")] string? section = null,
        [Description("Only notes of this level: beginner, intermediate, advanced or expert.")] string? level = null,
        [Description("Only notes of this priority: must, good or nice.")] string? priority = null,
        CancellationToken cancellationToken = default)
    {
        var library = await host.GetAsync(cancellationToken);
        var corpus = library.Corpus;
        string? sectionName = null;
        if (section is { Length: > 0 })
        {
            try
            {
                sectionName = SearchService.ResolveSection(corpus, section);
            }
            catch (SearchException ex)
            {
                return ToolResults.Error(ex.Message);
            }
        }

        NoteLevel? levelValue = null;
        if (level is { Length: > 0 })
        {
            if (!CorpusEnums.TryParseLevel(level, out var parsed))
            {
                return ToolResults.Error($"level '{level}' is not one of {string.Join(", ", CorpusEnums.LevelNames)}");
            }

            levelValue = parsed;
        }

        NotePriority? priorityValue = null;
        if (priority is { Length: > 0 })
        {
            if (!CorpusEnums.TryParsePriority(priority, out var parsed))
            {
                return ToolResults.Error($"priority '{priority}' is not one of {string.Join(", ", CorpusEnums.PriorityNames)}");
            }

            priorityValue = parsed;
        }

        var outline = CorpusOutline.Build(corpus, n =>
            (sectionName is null || n.Section == sectionName)
            && (levelValue is null || n.Level == levelValue)
            && (priorityValue is null || n.Priority == priorityValue));
        return ToolResults.Structured(outline);
    }
}
