using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.Tools;

/// <summary>With no model judge, the host's model judges: quiz_answer hands it the rubric, quiz_rate takes its verdict.</summary>
public sealed class QuizHostJudgeTests : IAsyncLifetime
{
    private const string CardId = "hybrid-search/why-combine-bm25-with-dense-retrieval";
    private McpHarness _mcp = null!;

    public async Task InitializeAsync() => _mcp = await McpHarness.StartAsync();

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    private Task<System.Text.Json.JsonElement> AnswerAsync(string card = CardId, string answer = "BM25 finds exact terms; dense retrieval finds paraphrases.") =>
        _mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = card, ["answer"] = answer });

    [Fact]
    public async Task Without_a_model_judge_the_review_is_provisional_and_the_host_gets_the_rubric()
    {
        var answer = await AnswerAsync();

        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
        var instruction = answer.GetProperty("instruction").GetString()!;
        Assert.Contains("quiz_rate", instruction, StringComparison.Ordinal);
        Assert.Contains($"review_id {answer.GetProperty("review_id").GetInt64()}", instruction, StringComparison.Ordinal);
        Assert.Contains("covered", instruction, StringComparison.Ordinal);
        Assert.Contains("contradicted", instruction, StringComparison.Ordinal);
        Assert.Contains("false claim", instruction, StringComparison.Ordinal);
        Assert.Contains("3. Fusion raises recall", instruction, StringComparison.Ordinal);
        Assert.Equal(3, answer.GetProperty("key_points").GetArrayLength());
        Assert.Equal("Each finds what the other misses: exact tokens versus meaning.", answer.GetProperty("reference_answer").GetString());
    }

    [Theory]
    [InlineData(new[] { "covered", "covered", "covered" }, 0, "easy", 1.0)]
    [InlineData(new[] { "covered", "covered", "partly" }, 0, "good", 0.83)]
    [InlineData(new[] { "covered", "partly", "missed" }, 0, "hard", 0.5)]
    [InlineData(new[] { "covered", "covered", "covered" }, 1, "hard", 1.0)]
    [InlineData(new[] { "covered", "contradicted", "missed" }, 0, "again", 0.33)]
    public async Task Quiz_rate_derives_the_rating_from_the_verdict_and_makes_it_final(string[] statuses, int falseClaims, string rating, double score)
    {
        var answer = await AnswerAsync();

        var rated = await _mcp.CallOkAsync("quiz_rate", new()
        {
            ["card_id"] = CardId,
            ["review_id"] = answer.GetProperty("review_id").GetInt64(),
            ["key_points"] = Verdicts.KeyPoints(statuses),
            ["false_claims"] = Enumerable.Repeat("Dense retrieval needs no embeddings.", falseClaims).ToList(),
        });

        Assert.Equal(rating, rated.GetProperty("rating").GetString());
        Assert.Equal(score, rated.GetProperty("score").GetDouble());
        Assert.Equal("assistant", rated.GetProperty("grader").GetString());
        Assert.Equal("final", rated.GetProperty("judgement").GetString());
        Assert.Equal(statuses, rated.GetProperty("key_point_statuses").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(falseClaims, rated.GetProperty("false_claims").GetArrayLength());
        Assert.Equal(answer.GetProperty("review_id").GetInt64(), rated.GetProperty("review_id").GetInt64());
        Assert.Equal(1, (await _mcp.CallOkAsync("progress_report", [])).GetProperty("reviews").GetInt32());
    }

    [Theory]
    [InlineData(new[] { "covered", "covered" }, "3 is not judged")]
    [InlineData(new[] { "covered", "covered", "covered", "covered" }, "key point 4 does not exist")]
    public async Task An_incomplete_verdict_is_refused_and_changes_nothing(string[] statuses, string message)
    {
        var answer = await AnswerAsync();

        var error = await _mcp.CallErrorAsync("quiz_rate", new() { ["card_id"] = CardId, ["key_points"] = Verdicts.KeyPoints(statuses) });

        Assert.Contains(message, error, StringComparison.Ordinal);
        var again = await _mcp.CallOkAsync("quiz_rate", new() { ["card_id"] = CardId, ["key_points"] = Verdicts.KeyPoints("missed", "missed", "missed") });
        Assert.Equal(answer.GetProperty("review_id").GetInt64(), again.GetProperty("review_id").GetInt64());
    }

    [Fact]
    public async Task A_verdict_needs_known_statuses_and_no_rating_beside_it()
    {
        await AnswerAsync();

        var unknown = await _mcp.CallAsync("quiz_rate", new()
        {
            ["card_id"] = CardId,
            ["key_points"] = new List<Dictionary<string, object?>> { new() { ["index"] = 1, ["status"] = "mostly" } },
        });
        Assert.True(unknown.IsError);

        Assert.Contains("not both", await _mcp.CallErrorAsync("quiz_rate", new()
        {
            ["card_id"] = CardId,
            ["key_points"] = Verdicts.KeyPoints("covered", "covered", "covered"),
            ["rating"] = "easy",
        }), StringComparison.Ordinal);
        Assert.Contains("give key_points", await _mcp.CallErrorAsync("quiz_rate", new() { ["card_id"] = CardId }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provisional_review_not_judged_before_the_next_card_keeps_the_local_rating()
    {
        var first = await AnswerAsync();
        await AnswerAsync("vector-databases/how-does-hnsw-search", "Layered proximity graph, greedy search top-down.");

        var error = await _mcp.CallErrorAsync("quiz_rate", new() { ["card_id"] = CardId, ["key_points"] = Verdicts.KeyPoints("covered", "covered", "covered") });

        Assert.Contains("kept its provisional rating", error, StringComparison.Ordinal);
        var reveal = await _mcp.CallOkAsync("quiz_reveal", new() { ["card_id"] = CardId });
        Assert.False(reveal.GetProperty("counted_as_failed").GetBoolean());
        Assert.Equal(first.GetProperty("next_due").GetDateTimeOffset(), reveal.GetProperty("next_due").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_persons_verdict_wins_over_the_assistants()
    {
        await AnswerAsync();
        var mine = await _mcp.CallOkAsync("quiz_rate", new()
        {
            ["card_id"] = CardId,
            ["key_points"] = Verdicts.KeyPoints("covered", "covered", "missed"),
            ["judged_by"] = "person",
        });
        Assert.Equal("person", mine.GetProperty("grader").GetString());
        Assert.Equal("hard", mine.GetProperty("rating").GetString());

        var error = await _mcp.CallErrorAsync("quiz_rate", new() { ["card_id"] = CardId, ["key_points"] = Verdicts.KeyPoints("covered", "covered", "covered") });
        Assert.Contains("their verdict stands", error, StringComparison.Ordinal);
        Assert.Contains("their verdict stands", await _mcp.CallErrorAsync("quiz_rate", new() { ["card_id"] = CardId, ["rating"] = "easy" }), StringComparison.Ordinal);

        var changed = await _mcp.CallOkAsync("quiz_rate", new() { ["card_id"] = CardId, ["rating"] = "good", ["judged_by"] = "person" });
        Assert.Equal("good", changed.GetProperty("rating").GetString());
    }

    [Fact]
    public async Task Instructions_and_descriptions_tell_the_host_model_to_judge()
    {
        var instructions = _mcp.Client.ServerInstructions ?? "";
        Assert.Contains("\"provisional\"", instructions, StringComparison.Ordinal);
        Assert.Contains("quiz_rate with key_points and false_claims", instructions, StringComparison.Ordinal);
        Assert.Contains("judged_by \"person\"", instructions, StringComparison.Ordinal);

        var tools = await _mcp.Client.ListToolsAsync();
        Assert.Contains("YOU are", tools.Single(t => t.Name == "quiz_answer").Description, StringComparison.Ordinal);
        Assert.Contains("covered, partly, missed or contradicted", tools.Single(t => t.Name == "quiz_rate").Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_rate_schema_takes_a_per_key_point_verdict()
    {
        var tool = (await _mcp.Client.ListToolsAsync()).Single(t => t.Name == "quiz_rate").ProtocolTool;
        var properties = tool.InputSchema.GetProperty("properties");

        var item = properties.GetProperty("key_points").GetProperty("items");
        Assert.Equal(["covered", "partly", "missed", "contradicted"], item.GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.True(properties.TryGetProperty("false_claims", out _));
        Assert.Equal(["assistant", "person"], properties.GetProperty("judged_by").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Where(e => e is not null));
        Assert.Equal(["card_id"], tool.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
    }
}
