using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Prompts;

/// <summary>completion/complete for prompt arguments and the note template, on the bundled corpus.</summary>
public sealed class PromptCompletionTests(RealCorpus corpus) : IClassFixture<RealCorpus>
{
    private async Task<Completion> CompleteAsync(string prompt, string argument, string value, Dictionary<string, string>? given = null)
    {
        var result = await corpus.Mcp.Client.CompleteAsync(new CompleteRequestParams
        {
            Ref = new PromptReference { Name = prompt },
            Argument = new Argument { Name = argument, Value = value },
            Context = given is null ? null : new CompleteContext { Arguments = given },
        });
        Assert.True(result.Completion.Values.Count <= 100);
        Assert.Equal(result.Completion.Total > result.Completion.Values.Count, result.Completion.HasMore);
        return result.Completion;
    }

    private async Task<Completion> CompletePathAsync(string value) =>
        (await corpus.Mcp.Client.CompleteAsync(new ResourceTemplateReference { Uri = "llmprep://notes/{+path}" }, "path", value)).Completion;

    [Theory]
    [InlineData("mock_interview", "topic")]
    [InlineData("quiz_me", "topic")]
    [InlineData("study_plan", "focus")]
    public async Task Topics_complete_by_prefix_and_forgive_typos(string prompt, string argument)
    {
        var prefix = await CompleteAsync(prompt, argument, "retr");
        Assert.Contains("retrieval", prefix.Values.Take(3));
        Assert.Contains("retrieval-vs-ranking", prefix.Values);
        Assert.Contains("hybrid retrieval", prefix.Values);
        var starts = prefix.Values.Select(v => v.StartsWith("retr", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(starts.IndexOf(false) > starts.LastIndexOf(true) || !starts.Contains(false), "values that start with it come before values with a later word that does");

        var typo = await CompleteAsync(prompt, argument, "rerankng");
        Assert.Equal("reranking", typo.Values[0]);
    }

    [Fact]
    public async Task Topics_include_sections_by_number_and_name()
    {
        Assert.Contains("03-rag-and-embeddings", (await CompleteAsync("quiz_me", "topic", "03")).Values);
        Assert.Contains("agents-and-tool-use", (await CompleteAsync("study_plan", "focus", "agents-and")).Values);
    }

    [Fact]
    public async Task A_mock_interview_topic_follows_the_chosen_style()
    {
        var design = await CompleteAsync("mock_interview", "topic", "bank", new() { ["style"] = "system_design" });
        Assert.Contains("case-bank-rag", design.Values);
        Assert.Contains("bank RAG", design.Values);

        var behavioural = await CompleteAsync("mock_interview", "topic", "hard", new() { ["style"] = "behavioural" });
        Assert.Equal("a hard bug you debugged", behavioural.Values[0]);
    }

    [Theory]
    [InlineData("style", "sys", "system_design")]
    [InlineData("style", "beh", "behavioural")]
    [InlineData("style", "tecnhical", "technical")]
    [InlineData("level", "se", "senior")]
    [InlineData("level", "senoir", "senior")]
    [InlineData("level", "sta", "staff")]
    [InlineData("minutes", "4", "45")]
    public async Task Styles_levels_and_minutes_complete(string argument, string typed, string expected) =>
        Assert.Contains(expected, (await CompleteAsync("mock_interview", argument, typed)).Values);

    [Fact]
    public async Task Concepts_complete_from_titles_ids_aliases_and_the_glossary()
    {
        var prefix = await CompleteAsync("explain_concept", "concept", "rerank");
        Assert.Contains("reranking", prefix.Values);
        Assert.Contains("Reranking with cross-encoders and LLMs", prefix.Values);
        Assert.Contains("reranker", prefix.Values);

        Assert.Equal("reranking", (await CompleteAsync("explain_concept", "concept", "rerankng")).Values[0]);
        Assert.Contains("time to first token", (await CompleteAsync("explain_concept", "concept", "time to")).Values);
        Assert.Contains("reciprocal rank fusion", (await CompleteAsync("explain_concept", "concept", "rank fus")).Values);
    }

    [Fact]
    public async Task Scenarios_complete_to_case_studies()
    {
        var prefix = await CompleteAsync("system_design", "scenario", "design a");
        Assert.Contains("design a RAG assistant for a bank with regulated PII", prefix.Values);

        var typo = await CompleteAsync("system_design", "scenario", "perplexty");
        Assert.Equal("design Perplexity", typo.Values[0]);
    }

    [Fact]
    public async Task Themes_complete_to_prepared_stories()
    {
        Assert.Contains("a trade-off between quality and cost", (await CompleteAsync("behavioral_story", "theme", "trade")).Values);
        Assert.Contains("A time you disagreed with someone", (await CompleteAsync("behavioral_story", "theme", "disagred")).Values);
    }

    [Fact]
    public async Task Numbers_have_suggestions()
    {
        Assert.Equal("3", (await CompleteAsync("study_plan", "days", "")).Values[0]);
        Assert.Contains("2", (await CompleteAsync("study_plan", "hours_per_day", "2")).Values);
        Assert.Contains("10", (await CompleteAsync("review_mistakes", "limit", "1")).Values);
        Assert.Contains("5", (await CompleteAsync("quiz_me", "count", "")).Values);
    }

    [Fact]
    public async Task An_empty_value_offers_the_first_hundred_with_the_total()
    {
        var all = await CompleteAsync("explain_concept", "concept", "");

        Assert.Equal(100, all.Values.Count);
        Assert.True(all.Total > 100);
        Assert.True(all.HasMore);
    }

    [Theory]
    [InlineData("elevator_pitch", "background")]
    [InlineData("project_deep_dive", "project")]
    [InlineData("mock_interview", "nonsense")]
    public async Task Free_text_arguments_get_no_values(string prompt, string argument)
    {
        var completion = await CompleteAsync(prompt, argument, "back");

        Assert.Empty(completion.Values);
        Assert.Equal(0, completion.Total);
    }

    [Fact]
    public async Task An_unknown_prompt_is_an_error()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => CompleteAsync("no_such_prompt", "topic", "r"));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("unknown prompt 'no_such_prompt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_paths_complete_by_folder_name_and_typo()
    {
        Assert.Equal("03-rag-and-embeddings/hybrid-search", (await CompletePathAsync("hybrid")).Values[0]);
        Assert.Equal("03-rag-and-embeddings/hybrid-search", (await CompletePathAsync("hybird-search")).Values[0]);
        Assert.Equal("03-rag-and-embeddings/hybrid-search", (await CompletePathAsync("llmprep://notes/03-rag-and-embeddings/hyb")).Values[0]);
        var folder = await CompletePathAsync("06-");
        var production = Directory.GetFiles(Path.Combine(RealCorpus.Path, "06-production"), "*.md").Length;
        Assert.Equal(production, folder.Values.Count);
        Assert.All(folder.Values, v => Assert.StartsWith("06-production/", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Note_paths_complete_section_anchors_after_a_hash()
    {
        var anchors = await CompletePathAsync("03-rag-and-embeddings/vector-databases#hn");

        Assert.Equal("03-rag-and-embeddings/vector-databases#hnsw", anchors.Values[0]);
    }

    [Fact]
    public async Task An_unknown_template_is_an_error()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(async () =>
            await corpus.Mcp.Client.CompleteAsync(new ResourceTemplateReference { Uri = "llmprep://other/{x}" }, "x", "a"));

        Assert.Contains("unknown resource template", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completes_every_prefix_while_typing()
    {
        foreach (var typed in new[] { "r", "re", "rer", "rera", "reran", "rerank", "rerankn", "rerankng" })
        {
            var values = await CompleteAsync("explain_concept", "concept", typed);
            Assert.NotEmpty(values.Values);
        }
    }
}
