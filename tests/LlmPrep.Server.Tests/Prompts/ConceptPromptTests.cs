using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Prompts;

public sealed class ConceptPromptTests(RealCorpus corpus) : IClassFixture<RealCorpus>
{
    private Task<GetPromptResult> ExplainAsync(string? concept) =>
        corpus.Mcp.Client.GetPromptAsync("explain_concept", concept is null ? [] : new Dictionary<string, object?> { ["concept"] = concept }).AsTask();

    [Fact]
    public async Task Embeds_the_note_that_teaches_the_concept_and_sets_up_a_feynman_check()
    {
        var result = await ExplainAsync("KV cache");

        var resources = PromptAssert.Resources(result);
        var note = resources[0];
        Assert.Equal("llmprep://notes/01-foundations/kv-cache-context-windows", note.Uri);
        Assert.Equal("llmprep://notes/01-foundations/key-terminology#generation-and-inference", Assert.Single(resources.Skip(1)).Uri);
        Assert.StartsWith("# KV cache and context windows", note.Text, StringComparison.Ordinal);
        PromptAssert.Mentions(result,
            "Feynman check on \"KV cache\"", "in about 90 seconds", "quoting the note's line", "one question at a time",
            "60-second spoken answer", "`kv-cache-context-windows/", "Start: ask me to explain \"KV cache\".");
    }

    [Fact]
    public async Task The_embedded_note_is_what_resources_read_returns()
    {
        var result = await ExplainAsync("reciprocal rank fusion");
        var embedded = Assert.Single(PromptAssert.Resources(result), r => r.Uri.EndsWith("/hybrid-search", StringComparison.Ordinal));

        var read = await corpus.Mcp.Client.ReadResourceAsync(embedded.Uri);

        Assert.Equal(Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text, embedded.Text);
    }

    [Fact]
    public async Task A_glossary_term_brings_its_glossary_entry_with_the_teaching_note()
    {
        var result = await ExplainAsync("TTFT");

        Assert.Equal(
            ["llmprep://notes/06-production/streaming", "llmprep://notes/01-foundations/key-terminology#generation-and-inference"],
            PromptAssert.Uris(result));
    }

    [Fact]
    public async Task A_section_heading_focuses_the_check_on_that_section()
    {
        var result = await ExplainAsync("why pgvector rather than a dedicated vector database");

        PromptAssert.EmbedsNote(result, "09-interview-prep/defending-your-project");
        PromptAssert.Mentions(result, "the \"Why pgvector rather than a dedicated vector database\" section of llmprep://notes/09-interview-prep/defending-your-project#why-pgvector");
    }

    [Fact]
    public async Task A_phrase_found_by_search_is_accepted()
    {
        var result = await ExplainAsync("speculative decoding draft model");

        Assert.NotEmpty(PromptAssert.Resources(result));
    }

    [Fact]
    public async Task A_misspelt_concept_gets_close_matches()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => ExplainAsync("rerankng"));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("no concept matches 'rerankng'. Close matches: 'reranking'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concept_the_corpus_does_not_know_says_so()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => ExplainAsync("zxqv blorf"));

        Assert.Contains("no concept matches 'zxqv blorf'", error.Message, StringComparison.Ordinal);
        Assert.Contains("note titles, ids, aliases and glossary terms", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task A_missing_concept_is_a_clear_error(string? concept)
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => ExplainAsync(concept));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("prompt 'explain_concept' needs the argument 'concept'", error.Message, StringComparison.Ordinal);
    }
}
