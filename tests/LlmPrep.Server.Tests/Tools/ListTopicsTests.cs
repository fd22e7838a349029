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
        var outline = await _mcp.CallOkAsync("list_topics", []);

        var sections = outline.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["01-foundations", "03-rag-and-embeddings"], sections.Select(s => s.GetProperty("section").GetString()));
        Assert.Equal("RAG and embeddings", sections[1].GetProperty("title").GetString());
        var hybrid = sections[1].GetProperty("notes").EnumerateArray().First(n => n.GetProperty("id").GetString() == "hybrid-search");
        Assert.Equal("llmprep://notes/03-rag-and-embeddings/hybrid-search", hybrid.GetProperty("uri").GetString());
        Assert.Equal("must", hybrid.GetProperty("priority").GetString());
        Assert.Equal(20, hybrid.GetProperty("minutes").GetInt32());
        Assert.Equal(5, hybrid.GetProperty("cards").GetInt32());
        Assert.Equal(3, outline.GetProperty("total_notes").GetInt32());
        Assert.Equal(15, outline.GetProperty("total_cards").GetInt32());
        Assert.Equal(75, outline.GetProperty("total_minutes").GetInt32());
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
    }
}
