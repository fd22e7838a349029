using System.ComponentModel;
using LlmPrep.Core.Index;
using LlmPrep.Core.Search;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

[McpServerToolType]
public sealed class SearchTools(LibraryHost host)
{
    [McpServerTool(Name = "search_notes", Title = "Search the interview-prep notes", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(SearchResult))]
    [Description("""
        Full-text search over the LLM / GenAI-engineer interview study notes (transformers, RAG, embeddings, agents, MCP,
        fine-tuning, production, evaluation, system-design case studies). Returns ranked note sections, best first, each with
        a snippet where matched terms are marked **like this**, the section's llmprep:// URI (pass it to read_note) and a
        resource_link. Plain words match in any order (all words first; if no section has them all, any word);
        "quoted phrases", prefix* and -exclusions work; other punctuation is ignored; American and British spellings
        match each other (optimize/optimise). Filter by section (e.g. "03" or
        "rag-and-embeddings"), level, priority or tags. Page with offset/next_offset; max_tokens caps the size of the result.
        """)]
    public async Task<CallToolResult> SearchNotes(
        [Description("Words to search for, e.g. \"reciprocal rank fusion\" or \"kv cache memory\". At most 1,000 characters.")] string query,
        [Description("Only this section: its folder name (\"03-rag-and-embeddings\"), number (\"03\") or name (\"rag-and-embeddings\"). See list_topics.")] string? section = null,
        [Description("Only notes of this level: beginner, intermediate, advanced or expert.")] string? level = null,
        [Description("Only notes of this interview priority: must, good or nice.")] string? priority = null,
        [Description("Only notes carrying every one of these tags, e.g. [\"retrieval\"].")] string[]? tags = null,
        [Description("Hits per page, 1 to 50 (default 10).")] int limit = SearchService.DefaultLimit,
        [Description("Hits to skip, for the next page (use next_offset from the previous result).")] int offset = 0,
        [Description("Approximate token budget for the whole result (default 2000); fewer hits are returned when it is reached.")] int max_tokens = SearchService.DefaultMaxTokens,
        CancellationToken cancellationToken = default)
    {
        var library = await host.GetAsync(cancellationToken);
        try
        {
            var result = library.Search(new SearchRequest(query)
            {
                Filter = new IndexFilter
                {
                    Sections = section is { Length: > 0 } ? [section] : [],
                    Levels = level is { Length: > 0 } ? [level] : [],
                    Priorities = priority is { Length: > 0 } ? [priority] : [],
                    Tags = tags ?? [],
                },
                Limit = limit,
                Offset = offset,
                MaxTokens = max_tokens,
            });
            var links = result.Hits.Select(hit => new ResourceLinkBlock
            {
                Uri = hit.Uri,
                Name = hit.Anchor.Length == 0 ? hit.NoteId : $"{hit.NoteId}#{hit.Anchor}",
                Title = hit.Anchor.Length == 0 ? hit.Title : $"{hit.Title} › {hit.Heading}",
                MimeType = "text/markdown",
            });
            return ToolResults.Structured(result, links, library.IndexNotice);
        }
        catch (SearchException ex)
        {
            return ToolResults.Error(ex.Message);
        }
    }
}
