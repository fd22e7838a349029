using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Prompts;

/// <summary>Prompts that take the person's own words keep them word for word; corpus material is reference only.</summary>
public sealed class OwnWordsPromptTests(RealCorpus corpus) : IClassFixture<RealCorpus>
{
    private Task<GetPromptResult> GetAsync(string prompt, Dictionary<string, object?> arguments) =>
        corpus.Mcp.Client.GetPromptAsync(prompt, arguments).AsTask();

    [Fact]
    public async Task System_design_keeps_the_scenario_as_the_task_and_calls_the_case_study_similar()
    {
        const string scenario = "design a RAG chatbot over internal HR policies for 10k employees";

        var result = await GetAsync("system_design", new() { ["scenario"] = scenario });

        var text = PromptAssert.Text(result);
        Assert.Contains($"The problem: \"{scenario}\" (my words; this is the task)", text, StringComparison.Ordinal);
        Assert.Contains(scenario, result.Description, StringComparison.Ordinal);
        Assert.Contains("is a similar case, not this task", text, StringComparison.Ordinal);
        Assert.DoesNotContain("The problem: Design a customer-support RAG assistant", text, StringComparison.Ordinal);
        var uris = PromptAssert.Uris(result);
        Assert.Equal("llmprep://notes/09-interview-prep/system-design-framework", uris[0]);
        Assert.Contains(uris, u => u.Contains("/case-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_system_design_mock_keeps_the_persons_scenario_too()
    {
        const string scenario = "an assistant that drafts replies to insurance claims emails in German";

        var result = await GetAsync("mock_interview", new() { ["style"] = "system_design", ["topic"] = scenario });

        PromptAssert.Mentions(result, $"\"{scenario}\" (my words; this is the task)");
    }

    [Fact]
    public async Task A_case_study_picked_by_name_is_the_task()
    {
        var result = await GetAsync("system_design", new() { ["scenario"] = "case-customer-support" });

        PromptAssert.Mentions(result, "The problem: Design a customer-support RAG assistant", "Answer my clarifying questions from the case study");
    }

    [Theory]
    [InlineData("behavioral_story", "theme", "the time I rolled back a model launch at 2am because of HR complaints")]
    [InlineData("elevator_pitch", "background", "nurse for 8 years, then 3 years of Django at a hospital startup, built a triage summariser")]
    [InlineData("project_deep_dive", "project", "HR-policy bot: LangGraph, pgvector, 10k employees, faithfulness 0.91 on 120 questions")]
    [InlineData("mock_interview", "topic", "lora")]
    public async Task The_persons_words_appear_verbatim(string prompt, string argument, string words)
    {
        var result = await GetAsync(prompt, new() { [argument] = words });

        Assert.Contains(words, PromptAssert.Text(result), StringComparison.Ordinal);
    }
}
