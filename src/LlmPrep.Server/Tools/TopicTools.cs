using System.ComponentModel;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Search;
using LlmPrep.Core.Topics;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

[McpServerToolType]
public sealed class TopicTools(LibraryHost host)
{
    [McpServerTool(Name = "list_topics", Title = "List study topics", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(TopicList))]
    [Description("""
        The outline of the interview-prep corpus: every section in study order with its note count, minutes and cards, and
        its notes (id, title, level, interview priority must/good/nice, study minutes, quiz card count; detail "full" adds
        the llmprep:// URI and a one-line summary). Use it to plan study, pick a topic to quiz on, or find a note to read
        (read_note takes the id). Optional filters narrow it to one section, level or priority. max_tokens caps the size:
        notes that do not fit come on the next page (offset = next_offset). "problems" counts what is wrong in the notes
        and names the first few; llmprep://problems lists them all.
        """)]
    public async Task<CallToolResult> ListTopics(
        [Description("Only this section: folder name, number (\"03\") or name (\"rag-and-embeddings\").")] string? section = null,
        [Description("Only notes of this level: beginner, intermediate, advanced or expert.")] string? level = null,
        [Description("Only notes of this priority: must, good or nice.")] string? priority = null,
        [Description("\"compact\" (default) or \"full\" (adds each note's URI and summary).")] string detail = TopicListing.Compact,
        [Description("Notes to skip, for the next page (use next_offset from the previous result).")] int offset = 0,
        [Description("Approximate token budget for the whole result (default 2000); the remaining notes come on the next page.")] int max_tokens = TopicListing.DefaultMaxTokens,
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

        try
        {
            var topics = TopicListing.Build(
                corpus,
                n => (sectionName is null || n.Section == sectionName)
                    && (levelValue is null || n.Level == levelValue)
                    && (priorityValue is null || n.Priority == priorityValue),
                detail,
                offset,
                max_tokens);
            return ToolResults.Structured(topics, warning: library.IndexNotice);
        }
        catch (TopicListException ex)
        {
            return ToolResults.Error(ex.Message);
        }
    }
}
