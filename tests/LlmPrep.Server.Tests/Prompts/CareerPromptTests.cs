using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Prompts;

public sealed class CareerPromptTests(RealCorpus corpus) : IClassFixture<RealCorpus>
{
    private Task<GetPromptResult> GetAsync(string prompt, string argument, string value) =>
        corpus.Mcp.Client.GetPromptAsync(prompt, new Dictionary<string, object?> { [argument] = value }).AsTask();

    [Fact]
    public async Task A_behavioural_story_uses_the_prepared_story_for_its_theme()
    {
        var result = await GetAsync("behavioral_story", "theme", "hard bug");

        Assert.Equal(["llmprep://notes/09-interview-prep/behavioral-stories"], PromptAssert.Uris(result));
        PromptAssert.Mentions(result,
            "build and rehearse a behavioural interview story for: \"hard bug\"",
            "as \"a hard bug you debugged\" (llmprep://notes/09-interview-prep/behavioral-stories#story-2",
            "STAR", "Never invent experience", "150 words a minute", "bullet cues");
    }

    [Fact]
    public async Task A_new_theme_is_built_with_the_same_method()
    {
        var result = await GetAsync("behavioral_story", "theme", "mentoring an intern");

        PromptAssert.EmbedsNote(result, "09-interview-prep/behavioral-stories");
        PromptAssert.Mentions(result, "no prepared story for this theme", "a technical decision you made and defended");
    }

    [Fact]
    public async Task The_elevator_pitch_maps_the_background_with_the_pitch_note()
    {
        var result = await GetAsync("elevator_pitch", "background", "Backend engineer, 6 years in payments (Java, Kafka); built a RAG bot over our runbooks.");

        Assert.Equal(["llmprep://notes/09-interview-prep/tell-me-about-yourself"], PromptAssert.Uris(result));
        PromptAssert.Mentions(result,
            "Backend engineer, 6 years in payments (Java, Kafka)", "present, past, proof, future", "60-90 second",
            "Why GenAI?", "You don't have an ML background");
    }

    [Fact]
    public async Task The_project_deep_dive_embeds_the_defence_note_and_the_notes_the_project_touches()
    {
        var result = await GetAsync("project_deep_dive", "project",
            "A LangGraph multi-agent pipeline for loan applications: hybrid retrieval with BM25 and pgvector, GPT-4o for underwriting, evaluated with RAGAS.");

        Assert.Equal(
            ["llmprep://notes/09-interview-prep/defending-your-project", "llmprep://notes/03-rag-and-embeddings/hybrid-search", "llmprep://notes/04-agents-and-tool-use/multi-agent-orchestration"],
            PromptAssert.Uris(result));
        PromptAssert.Mentions(result,
            "You are a senior interviewer running a deep dive", "A LangGraph multi-agent pipeline", "My summary touches these notes",
            "Framework:", "Retrieval:", "Store:", "Models:", "Evaluation:", "Cost and latency:", "why this and not the alternative?",
            "defended, shaky or undefended");
    }

    [Fact]
    public async Task An_overlong_project_summary_is_refused()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => GetAsync("project_deep_dive", "project", new string('x', 5_000)));

        Assert.Contains("'project' is 5,000 characters long; the limit is 4,000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("behavioral_story", "theme")]
    [InlineData("elevator_pitch", "background")]
    [InlineData("project_deep_dive", "project")]
    public async Task A_missing_required_argument_is_a_clear_error(string prompt, string argument)
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => corpus.Mcp.Client.GetPromptAsync(prompt, new Dictionary<string, object?>()).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains($"prompt '{prompt}' needs the argument '{argument}'", error.Message, StringComparison.Ordinal);
    }
}
