namespace LlmPrep.Server.Tests.Prompts;

public sealed class PromptListTests(RealCorpus corpus) : IClassFixture<RealCorpus>
{
    public static TheoryData<string, string, string> Arguments => new()
    {
        // prompt, required arguments, optional arguments
        { "mock_interview", "", "topic level minutes style" },
        { "explain_concept", "concept", "" },
        { "system_design", "scenario", "" },
        { "behavioral_story", "theme", "" },
        { "elevator_pitch", "background", "" },
        { "project_deep_dive", "project", "" },
        { "study_plan", "", "days hours_per_day focus" },
        { "quiz_me", "", "topic count" },
        { "review_mistakes", "", "limit topic" },
    };

    [Fact]
    public async Task Lists_the_nine_prompts_with_titles_and_descriptions()
    {
        var prompts = await corpus.Mcp.Client.ListPromptsAsync();

        Assert.Equal(
            ["behavioral_story", "elevator_pitch", "explain_concept", "mock_interview", "project_deep_dive", "quiz_me", "review_mistakes", "study_plan", "system_design"],
            prompts.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(prompts, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Title), $"{p.Name} has no title");
            Assert.True(p.Description?.Length > 80, $"{p.Name} needs a description that stands on its own");
        });
    }

    [Theory]
    [MemberData(nameof(Arguments))]
    public async Task Declares_its_arguments_with_required_flags_and_descriptions(string name, string required, string optional)
    {
        var prompts = await corpus.Mcp.Client.ListPromptsAsync();
        var arguments = prompts.Single(p => p.Name == name).ProtocolPrompt.Arguments ?? [];

        Assert.Equal(Split(required), arguments.Where(a => a.Required == true).Select(a => a.Name));
        Assert.Equal(Split(optional), arguments.Where(a => a.Required != true).Select(a => a.Name));
        Assert.All(arguments, a => Assert.False(string.IsNullOrWhiteSpace(a.Description), $"{name}.{a.Name} has no description"));
    }

    [Fact]
    public async Task Declares_the_completions_capability()
    {
        Assert.NotNull(corpus.Mcp.Client.ServerCapabilities.Completions);
        Assert.NotNull(corpus.Mcp.Client.ServerCapabilities.Prompts);
    }

    private static string[] Split(string names) => names.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
