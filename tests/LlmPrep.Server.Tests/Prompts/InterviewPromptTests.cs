using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Prompts;

public sealed class InterviewPromptTests(RealCorpus corpus) : IClassFixture<RealCorpus>
{
    private Task<GetPromptResult> GetAsync(string prompt, Dictionary<string, object?> arguments) =>
        corpus.Mcp.Client.GetPromptAsync(prompt, arguments).AsTask();

    [Fact]
    public async Task A_technical_mock_interview_embeds_the_topic_notes_and_sets_up_the_interviewer()
    {
        var result = await GetAsync("mock_interview", new() { ["topic"] = "retrieval", ["level"] = "senior", ["minutes"] = "30" });

        var resources = PromptAssert.Resources(result);
        Assert.InRange(resources.Count, 1, 3);
        Assert.All(resources, r => Assert.StartsWith("llmprep://notes/03-rag-and-embeddings/", r.Uri, StringComparison.Ordinal));
        PromptAssert.Mentions(result,
            "You are the interviewer in a 30-minute technical mock interview for a senior",
            "Opening question:", "follow-ups", "Time plan:", "| 0-2 |", "Scoring rubric:", "The bar for senior", "Debrief",
            "call quiz_answer with its card_id", "quiz_rate");
        Assert.Contains("30-minute", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_the_card_ids_of_the_embedded_notes_for_recording_answers()
    {
        var result = await GetAsync("mock_interview", new() { ["topic"] = "hybrid-search" });

        PromptAssert.EmbedsNote(result, "03-rag-and-embeddings/hybrid-search");
        PromptAssert.Mentions(result, "`hybrid-search/why-combine-bm25-with-dense-retrieval-instead-of-using-embeddings-alone`");
    }

    [Fact]
    public async Task Without_a_topic_it_mixes_must_know_questions_from_the_question_bank()
    {
        var result = await GetAsync("mock_interview", []);

        PromptAssert.EmbedsNote(result, "09-interview-prep/question-bank");
        PromptAssert.Mentions(result, "45-minute technical mock interview for a mid", "Opening question: Explain how attention works in a transformer.");
    }

    [Fact]
    public async Task A_system_design_mock_uses_the_framework_and_the_matching_case_study()
    {
        var result = await GetAsync("mock_interview", new() { ["topic"] = "bank RAG", ["style"] = "system_design", ["level"] = "staff", ["minutes"] = "60" });

        var uris = PromptAssert.Uris(result);
        Assert.Equal(["llmprep://notes/09-interview-prep/system-design-framework", "llmprep://notes/09-interview-prep/case-bank-rag"], uris);
        PromptAssert.Mentions(result,
            "60-minute LLM system-design round at the staff level",
            "Design a RAG assistant for a bank with regulated PII",
            "1. Requirements", "9. Monitoring and rollout", "change one requirement", "no coaching until the debrief", "`case-bank-rag/");
    }

    [Fact]
    public async Task A_behavioural_mock_uses_the_stories_and_the_pitch()
    {
        var result = await GetAsync("mock_interview", new() { ["style"] = "behavioral", ["topic"] = "a hard bug" });

        PromptAssert.EmbedsNote(result, "09-interview-prep/behavioral-stories");
        PromptAssert.EmbedsNote(result, "09-interview-prep/tell-me-about-yourself");
        PromptAssert.Mentions(result, "behavioural round", "Tell me about yourself.", "\"a hard bug you debugged\"", "Ownership", "quiz_answer");
    }

    [Fact]
    public async Task The_system_design_prompt_is_a_guided_round_on_the_case_study()
    {
        var result = await GetAsync("system_design", new() { ["scenario"] = "design Perplexity" });

        Assert.Equal(
            ["llmprep://notes/09-interview-prep/system-design-framework", "llmprep://notes/09-interview-prep/case-deep-search"],
            PromptAssert.Uris(result));
        PromptAssert.Mentions(result, "guided round", "coach", "Answer my clarifying questions from the case study", "Time plan:", "back-of-envelope");
    }

    [Fact]
    public async Task A_scenario_without_a_case_study_gets_the_framework_and_related_notes()
    {
        var result = await GetAsync("system_design", new() { ["scenario"] = "a meeting-notes summariser for a video-call app" });

        var uris = PromptAssert.Uris(result);
        Assert.Equal("llmprep://notes/09-interview-prep/system-design-framework", uris[0]);
        Assert.True(uris.Count > 1, "a related note should be embedded");
        Assert.DoesNotContain(uris, u => u.Contains("/case-", StringComparison.Ordinal));
        PromptAssert.Mentions(result, "There is no case study for this scenario", "\"a meeting-notes summariser for a video-call app\" (my words; this is the task)");
    }

    [Fact]
    public async Task An_unknown_topic_lists_close_matches()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => GetAsync("mock_interview", new() { ["topic"] = "rerankng" }));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("no topic matches 'rerankng'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Close matches: 'reranking'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nonsense_scenario_is_refused_with_the_case_studies_to_pick_from()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => GetAsync("system_design", new() { ["scenario"] = "xyzzy plugh" }));

        Assert.Contains("no scenario matches 'xyzzy plugh'", error.Message, StringComparison.Ordinal);
        Assert.Contains("describe the system in a sentence", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("style", "poetry", "style 'poetry' is not one of technical, system_design, behavioural")]
    [InlineData("level", "wizard", "level 'wizard' is not one of junior, mid, senior, staff")]
    [InlineData("minutes", "500", "'minutes' must be between 15 and 120; got 500")]
    [InlineData("minutes", "half an hour", "'minutes' of prompt 'mock_interview' must be a whole number (Length in minutes, 15 to 120 (default 45)); got 'half an hour'")]
    public async Task Bad_arguments_get_clear_errors(string argument, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => GetAsync("mock_interview", new() { [argument] = value }));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_argument_is_named_with_what_to_send()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => GetAsync("system_design", []));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("prompt 'system_design' needs the argument 'scenario': The system to design", error.Message, StringComparison.Ordinal);
    }
}
