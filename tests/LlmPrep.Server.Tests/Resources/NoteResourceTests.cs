using LlmPrep.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Resources;

public sealed class NoteResourceTests : IAsyncLifetime
{
    private McpHarness _mcp = null!;

    public async Task InitializeAsync() => _mcp = await McpHarness.StartAsync();

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    [Fact]
    public async Task Lists_every_note_and_the_outline()
    {
        var resources = await _mcp.Client.ListResourcesAsync();

        var uris = resources.Select(r => r.Uri).ToList();
        Assert.Contains("llmprep://notes/01-foundations/transformers-attention", uris);
        Assert.Contains("llmprep://notes/03-rag-and-embeddings/hybrid-search", uris);
        Assert.Contains("llmprep://outline", uris);
        var note = resources.First(r => r.Uri.EndsWith("hybrid-search", StringComparison.Ordinal)).ProtocolResource;
        Assert.Equal("text/markdown", note.MimeType);
        Assert.Equal("Hybrid search and reciprocal rank fusion", note.Title);
        Assert.Equal("Why and how to fuse BM25 with dense retrieval.", note.Description);
    }

    [Fact]
    public async Task Offers_the_note_template()
    {
        var templates = await _mcp.Client.ListResourceTemplatesAsync();

        Assert.Contains(templates, t => t.UriTemplate == "llmprep://notes/{+path}");
    }

    [Fact]
    public async Task Reads_a_note_and_a_section()
    {
        var note = await _mcp.Client.ReadResourceAsync("llmprep://notes/03-rag-and-embeddings/vector-databases");
        var text = Assert.IsType<TextResourceContents>(Assert.Single(note.Contents));
        Assert.Equal("text/markdown", text.MimeType);
        Assert.StartsWith("# Vector databases", text.Text, StringComparison.Ordinal);

        var section = await _mcp.Client.ReadResourceAsync("llmprep://notes/03-rag-and-embeddings/vector-databases#hnsw");
        var sectionText = Assert.IsType<TextResourceContents>(Assert.Single(section.Contents));
        Assert.StartsWith("## HNSW", sectionText.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("## IVF", sectionText.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_outline()
    {
        var outline = await _mcp.Client.ReadResourceAsync("llmprep://outline");

        var text = Assert.IsType<TextResourceContents>(Assert.Single(outline.Contents)).Text;
        Assert.Contains("## RAG and embeddings", text, StringComparison.Ordinal);
        Assert.Contains("(llmprep://notes/03-rag-and-embeddings/hybrid-search)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("llmprep://notes/../../etc/passwd", "'..' segments")]
    [InlineData("llmprep://notes/01-foundations/missing", "no note at")]
    [InlineData("llmprep://notes/01-foundations/transformers-attention#nope", "no section")]
    public async Task Bad_uris_get_clear_errors(string uri, string expected)
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(async () => await _mcp.Client.ReadResourceAsync(uri));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
