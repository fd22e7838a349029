using LlmPrep.Server.Tests.Prompts;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Resources;

/// <summary>The fixed resources on the bundled corpus, as a client reads them.</summary>
public sealed class BundledResourceTests(RealCorpus corpus) : IClassFixture<RealCorpus>
{
    private async Task<string> ReadAsync(string uri)
    {
        var result = await corpus.Mcp.Client.ReadResourceAsync(uri);
        var text = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal("text/markdown", text.MimeType);
        Assert.Equal(uri, text.Uri);
        return text.Text;
    }

    [Fact]
    public async Task Study_plan_holds_the_three_day_order_and_the_priority_checklist()
    {
        var text = await ReadAsync("llmprep://study-plan");

        Assert.Contains("[[transformers-attention]]", text, StringComparison.Ordinal);
        Assert.Contains("\n---\n", text, StringComparison.Ordinal);
        Assert.Contains("[[rag-overview]]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Glossary_is_the_key_terminology_note()
    {
        var text = await ReadAsync("llmprep://glossary");

        Assert.StartsWith("# Key terminology", text, StringComparison.Ordinal);
        Assert.Contains("TTFT", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outline_lists_every_section_of_the_bundled_corpus()
    {
        var text = await ReadAsync("llmprep://outline");

        foreach (var section in new[] { "Foundations", "Prompt engineering", "RAG and embeddings", "Agents and tool use", "Fine-tuning and alignment", "Production", "Evaluation and safety", "Python for GenAI", "Interview prep" })
        {
            Assert.Contains($"## {section} (", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_listed_resource_is_readable()
    {
        var resources = await corpus.Mcp.Client.ListResourcesAsync();

        Assert.True(resources.Count >= 76, $"{resources.Count} resources");
        foreach (var resource in resources)
        {
            Assert.False(string.IsNullOrWhiteSpace(await ReadAsync(resource.Uri)), resource.Uri);
        }
    }
}
