using System.Text.Json;
using LlmPrep.Server.Tests.Prompts;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.Tools;

public sealed class ListTopicsTests : IAsyncLifetime
{
    private McpHarness _mcp = null!;

    public async Task InitializeAsync() => _mcp = await McpHarness.StartAsync();

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    [Fact]
    public async Task Lists_sections_in_order_with_notes_and_totals()
    {
        var outline = await _mcp.CallOkAsync("list_topics", new() { ["detail"] = "full" });

        var sections = outline.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["01-foundations", "03-rag-and-embeddings"], sections.Select(s => s.GetProperty("section").GetString()));
        Assert.Equal("RAG and embeddings", sections[1].GetProperty("title").GetString());
        Assert.Equal(2, sections[1].GetProperty("note_count").GetInt32());
        var hybrid = sections[1].GetProperty("notes").EnumerateArray().First(n => n.GetProperty("id").GetString() == "hybrid-search");
        Assert.Equal("llmprep://notes/03-rag-and-embeddings/hybrid-search", hybrid.GetProperty("uri").GetString());
        Assert.NotEmpty(hybrid.GetProperty("summary").GetString()!);
        Assert.Equal("must", hybrid.GetProperty("priority").GetString());
        Assert.Equal(20, hybrid.GetProperty("minutes").GetInt32());
        Assert.Equal(5, hybrid.GetProperty("cards").GetInt32());
        Assert.Equal(3, outline.GetProperty("total_notes").GetInt32());
        Assert.Equal(15, outline.GetProperty("total_cards").GetInt32());
        Assert.Equal(75, outline.GetProperty("total_minutes").GetInt32());
        Assert.Equal(JsonValueKind.Null, outline.GetProperty("next_offset").ValueKind);
    }

    [Fact]
    public async Task Compact_default_leaves_out_uris_and_summaries()
    {
        var outline = await _mcp.CallOkAsync("list_topics", []);

        Assert.Equal("compact", outline.GetProperty("detail").GetString());
        var notes = outline.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("notes").EnumerateArray()).ToList();
        Assert.Equal(3, notes.Count);
        Assert.All(notes, n =>
        {
            Assert.False(n.TryGetProperty("uri", out _));
            Assert.False(n.TryGetProperty("summary", out _));
            Assert.True(n.GetProperty("cards").GetInt32() > 0);
        });
    }

    [Fact]
    public async Task A_small_budget_pages_through_every_note_and_every_page_shows_every_section()
    {
        var seen = new List<string>();
        int? offset = 0;
        var pages = 0;
        while (offset is { } next)
        {
            var page = await _mcp.CallOkAsync("list_topics", new() { ["max_tokens"] = 50, ["offset"] = next, ["detail"] = "full" });
            Assert.Equal(2, page.GetProperty("sections").GetArrayLength());
            var notes = page.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("notes").EnumerateArray()).ToList();
            Assert.Single(notes);
            seen.Add(notes[0].GetProperty("id").GetString()!);
            offset = page.GetProperty("next_offset").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_offset").GetInt32();
            Assert.Equal(offset is not null, page.GetProperty("truncated").GetBoolean());
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(["transformers-attention", "hybrid-search", "vector-databases"], seen);
    }

    [Fact]
    public async Task Filters_by_section_level_and_priority()
    {
        var rag = await _mcp.CallOkAsync("list_topics", new() { ["section"] = "rag-and-embeddings" });
        Assert.Equal(2, rag.GetProperty("total_notes").GetInt32());

        var good = await _mcp.CallOkAsync("list_topics", new() { ["priority"] = "good" });
        Assert.Equal(1, good.GetProperty("total_notes").GetInt32());

        var expert = await _mcp.CallOkAsync("list_topics", new() { ["level"] = "expert" });
        Assert.Equal(0, expert.GetProperty("total_notes").GetInt32());
    }

    [Fact]
    public async Task Unknown_filters_get_clear_errors()
    {
        Assert.Contains("sections are", await _mcp.CallErrorAsync("list_topics", new() { ["section"] = "nonsense" }), StringComparison.Ordinal);
        Assert.Contains("priority", await _mcp.CallErrorAsync("list_topics", new() { ["priority"] = "urgent" }), StringComparison.Ordinal);
        Assert.Contains("detail 'everything' is not one of compact, full", await _mcp.CallErrorAsync("list_topics", new() { ["detail"] = "everything" }), StringComparison.Ordinal);
        Assert.Contains("offset must be between 0 and 3", await _mcp.CallErrorAsync("list_topics", new() { ["offset"] = 4 }), StringComparison.Ordinal);
        Assert.Contains("max_tokens must be at least 50", await _mcp.CallErrorAsync("list_topics", new() { ["max_tokens"] = 10 }), StringComparison.Ordinal);
    }
}

/// <summary>list_topics on the bundled corpus, whatever its size: small by default, complete across pages.</summary>
public sealed class BundledTopicsTests(RealCorpus corpus) : IClassFixture<RealCorpus>
{
    [Fact]
    public async Task Default_result_fits_the_budget_and_shows_every_section()
    {
        var result = await corpus.Mcp.CallAsync("list_topics", []);
        var text = McpHarness.Text(result);
        var outline = result.StructuredContent!.Value;

        // 2,000 tokens at about 4 characters a token, with room for the estimate's slack.
        Assert.True(text.Length < 2_000 * 4 * 1.25, $"list_topics returned {text.Length:N0} characters");
        var sections = outline.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("section").GetString()).ToList();
        var folders = Directory.GetDirectories(RealCorpus.Path).Select(Path.GetFileName).Where(d => d![0] is >= '0' and <= '9').Order(StringComparer.Ordinal).ToList();
        Assert.Equal(folders, sections);
    }

    [Fact]
    public async Task Pages_together_list_every_note_once()
    {
        var ids = new List<string>();
        int? offset = 0;
        var total = 0;
        while (offset is { } next)
        {
            var page = await corpus.Mcp.CallOkAsync("list_topics", new() { ["offset"] = next });
            total = page.GetProperty("total_notes").GetInt32();
            ids.AddRange(page.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("notes").EnumerateArray()).Select(n => n.GetProperty("id").GetString()!));
            offset = page.GetProperty("next_offset").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_offset").GetInt32();
        }

        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
