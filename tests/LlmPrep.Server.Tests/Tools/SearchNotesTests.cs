using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Tools;

public sealed class SearchNotesTests : IAsyncLifetime
{
    private static readonly string[] AttentionTag = ["attention"];

    private McpHarness _mcp = null!;

    public async Task InitializeAsync() => _mcp = await McpHarness.StartAsync();

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    [Fact]
    public async Task Returns_ranked_hits_with_uris_snippets_and_resource_links()
    {
        var result = await _mcp.CallAsync("search_notes", new() { ["query"] = "reciprocal rank fusion" });

        Assert.True(result.IsError is not true);
        var structured = result.StructuredContent!.Value;
        var hits = structured.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        var first = hits[0];
        Assert.Equal("hybrid-search", first.GetProperty("note_id").GetString());
        Assert.StartsWith("llmprep://notes/03-rag-and-embeddings/hybrid-search", first.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Contains("**", first.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);

        var links = result.Content.OfType<ResourceLinkBlock>().ToList();
        Assert.Equal(hits.Count, links.Count);
        Assert.Equal(first.GetProperty("uri").GetString(), links[0].Uri);
        Assert.Equal("text/markdown", links[0].MimeType);
        Assert.IsType<TextContentBlock>(result.Content[0]);
    }

    [Fact]
    public async Task Filters_and_pages()
    {
        var page = await _mcp.CallOkAsync("search_notes", new() { ["query"] = "retrieval", ["section"] = "03", ["limit"] = 2 });

        Assert.Equal(2, page.GetProperty("hits").GetArrayLength());
        Assert.Equal(2, page.GetProperty("next_offset").GetInt32());
        Assert.All(page.GetProperty("hits").EnumerateArray(), h => Assert.Equal("03-rag-and-embeddings", h.GetProperty("section").GetString()));

        var advanced = await _mcp.CallOkAsync("search_notes", new() { ["query"] = "search", ["level"] = "advanced" });
        Assert.All(advanced.GetProperty("hits").EnumerateArray(), h => Assert.Equal("vector-databases", h.GetProperty("note_id").GetString()));

        var tagged = await _mcp.CallOkAsync("search_notes", new() { ["query"] = "softmax", ["tags"] = AttentionTag });
        Assert.All(tagged.GetProperty("hits").EnumerateArray(), h => Assert.Equal("transformers-attention", h.GetProperty("note_id").GetString()));
    }

    [Theory]
    [InlineData("NEAR(bm25")]
    [InlineData("\"unbalanced")]
    [InlineData("bm25 -")]
    [InlineData("rank: fusion*")]
    [InlineData("(((")]
    public async Task Fts5_syntax_is_handled(string query)
    {
        var result = await _mcp.CallAsync("search_notes", new() { ["query"] = query });

        Assert.True(result.IsError is not true || MoreText(result).Contains("no words", StringComparison.Ordinal), MoreText(result));
    }

    [Fact]
    public async Task No_match_is_an_empty_result()
    {
        var result = await _mcp.CallOkAsync("search_notes", new() { ["query"] = "xylophone zeppelin" });

        Assert.Equal(0, result.GetProperty("total").GetInt32());
        Assert.Equal(0, result.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Bad_input_gets_clear_errors()
    {
        Assert.Contains("empty", await _mcp.CallErrorAsync("search_notes", new() { ["query"] = "" }), StringComparison.Ordinal);
        Assert.Contains("limit is 1,000", await _mcp.CallErrorAsync("search_notes", new() { ["query"] = new string('a', 100 * 1024) }), StringComparison.Ordinal);
        Assert.Contains("does not exist", await _mcp.CallErrorAsync("search_notes", new() { ["query"] = "bm25", ["section"] = "99-nothing" }), StringComparison.Ordinal);
        Assert.Contains("level", await _mcp.CallErrorAsync("search_notes", new() { ["query"] = "bm25", ["level"] = "wizard" }), StringComparison.Ordinal);
        Assert.Contains("limit must be", await _mcp.CallErrorAsync("search_notes", new() { ["query"] = "bm25", ["limit"] = 0 }), StringComparison.Ordinal);
    }

    private static string MoreText(CallToolResult result) => McpHarness.Text(result);
}
