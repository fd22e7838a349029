using System.Text.Json;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Tools;

/// <summary>The study loop through a real MCP client, with a client that cannot sample.</summary>
public sealed class QuizToolsTests : IAsyncLifetime
{
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private McpHarness _mcp = null!;

    public async Task InitializeAsync() => _mcp = await McpHarness.StartAsync(time: _time);

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    [Theory]
    [InlineData("quiz_next", true)]
    [InlineData("quiz_answer", false)]
    [InlineData("quiz_rate", false)]
    [InlineData("quiz_reveal", false)]
    [InlineData("progress_report", true)]
    public async Task Quiz_tools_are_annotated_by_whether_they_write_progress(string name, bool readOnly)
    {
        var tool = (await _mcp.Client.ListToolsAsync()).Single(t => t.Name == name).ProtocolTool;

        Assert.Equal(readOnly, tool.Annotations!.ReadOnlyHint);
        Assert.False(tool.Annotations.DestructiveHint);
        Assert.True(tool.OutputSchema.HasValue);
        Assert.True(tool.Description!.Length > 150);
    }

    [Fact]
    public async Task Quiz_next_asks_without_giving_the_answer_away()
    {
        var next = await _mcp.CallOkAsync("quiz_next", new() { ["topic"] = "retrieval" });
        var card = next.GetProperty("card");

        Assert.Equal("new", card.GetProperty("state").GetString());
        Assert.StartsWith("llmprep://notes/03-rag-and-embeddings/", card.GetProperty("note_uri").GetString(), StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("key_points", out _));
        Assert.False(card.TryGetProperty("reference_answer", out _));
        Assert.Equal(10, next.GetProperty("new_count").GetInt32());
        Assert.Equal(0, next.GetProperty("due_count").GetInt32());
        Assert.Equal("must", card.GetProperty("priority").GetString());
    }

    [Fact]
    public async Task A_strong_answer_is_graded_recorded_and_scheduled()
    {
        var answer = await _mcp.CallOkAsync("quiz_answer", new()
        {
            ["card_id"] = "hybrid-search/why-combine-bm25-with-dense-retrieval",
            ["answer"] = "BM25 finds exact terms like codes, dense retrieval finds paraphrases and meaning, and fusion of both raises recall.",
        });

        Assert.Equal("good", answer.GetProperty("rating").GetString());
        Assert.Equal(1.0, answer.GetProperty("score").GetDouble());
        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Equal(0, answer.GetProperty("missed").GetArrayLength());
        Assert.Contains("quiz_rate", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
        Assert.Equal("Each finds what the other misses: exact tokens versus meaning.", answer.GetProperty("reference_answer").GetString());
        Assert.StartsWith("llmprep://notes/03-rag-and-embeddings/hybrid-search#", answer.GetProperty("source_uri").GetString(), StringComparison.Ordinal);
        Assert.True(answer.GetProperty("next_due").GetDateTimeOffset() > _time.Now);

        var report = await _mcp.CallOkAsync("progress_report", []);
        Assert.Equal(1, report.GetProperty("reviews").GetInt32());
        Assert.Equal(1, report.GetProperty("studied_cards").GetInt32());
        Assert.Equal(1, report.GetProperty("streak_days").GetInt32());
    }

    [Fact]
    public async Task The_local_grade_shows_each_key_point_its_evidence_and_its_confidence()
    {
        var answer = await _mcp.CallOkAsync("quiz_answer", new()
        {
            ["card_id"] = "hybrid-search/why-combine-bm25-with-dense-retrieval",
            ["answer"] = "BM25 finds exact terms like codes, and dense retrieval finds paraphrases. Fusion does not raise recall though.",
        });

        var verdicts = answer.GetProperty("key_point_verdicts").EnumerateArray().ToList();
        Assert.Equal(3, verdicts.Count);
        Assert.Equal("BM25 finds exact terms.", verdicts[0].GetProperty("key_point").GetString());
        Assert.Equal("covered", verdicts[0].GetProperty("status").GetString());
        Assert.Contains("exact", verdicts[0].GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal("contradicted", verdicts[2].GetProperty("status").GetString());
        Assert.Contains("negated", verdicts[2].GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Equal("again", answer.GetProperty("rating").GetString());
        Assert.InRange(answer.GetProperty("confidence").GetDouble(), 0, 1);
        Assert.Matches("^(low|medium|high)$", answer.GetProperty("confidence_level").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("no idea")]
    [InlineData("Paris is the capital of France.")]
    public async Task Weak_answers_rate_again_and_list_what_was_missed(string weak)
    {
        var answer = await _mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = "hybrid-search/what-is-the-rrf-formula", ["answer"] = weak });

        Assert.Equal("again", answer.GetProperty("rating").GetString());
        Assert.Equal(2, answer.GetProperty("missed").GetArrayLength());
        Assert.Equal(0, answer.GetProperty("interval_days").GetInt32());
    }

    [Fact]
    public async Task Quiz_rate_amends_the_review_instead_of_adding_one()
    {
        var first = await _mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = "vector-databases/how-does-hnsw-search", ["answer"] = "It walks a graph." });
        Assert.Equal("again", first.GetProperty("rating").GetString());

        var rated = await _mcp.CallOkAsync("quiz_rate", new()
        {
            ["card_id"] = "vector-databases/how-does-hnsw-search",
            ["rating"] = "good",
            ["review_id"] = first.GetProperty("review_id").GetInt64(),
        });

        Assert.Equal("good", rated.GetProperty("rating").GetString());
        Assert.Equal("assistant", rated.GetProperty("grader").GetString());
        Assert.Equal(first.GetProperty("review_id").GetInt64(), rated.GetProperty("review_id").GetInt64());
        Assert.True(rated.GetProperty("next_due").GetDateTimeOffset() > first.GetProperty("next_due").GetDateTimeOffset());
        Assert.Equal(1, (await _mcp.CallOkAsync("progress_report", [])).GetProperty("reviews").GetInt32());
    }

    [Fact]
    public async Task Quiz_rate_needs_a_review_and_a_valid_rating()
    {
        Assert.Contains("answer it first", await _mcp.CallErrorAsync("quiz_rate", new() { ["card_id"] = "vector-databases/what-is-ivf", ["rating"] = "good" }), StringComparison.Ordinal);

        var result = await _mcp.CallAsync("quiz_rate", new() { ["card_id"] = "vector-databases/what-is-ivf", ["rating"] = "brilliant" });
        Assert.True(result.IsError);
    }

    [Fact]
    public async Task Revealing_before_answering_counts_as_a_failed_review()
    {
        var revealed = await _mcp.CallOkAsync("quiz_reveal", new() { ["card_id"] = "transformers-attention/what-is-the-attention-formula" });

        Assert.True(revealed.GetProperty("counted_as_failed").GetBoolean());
        Assert.Equal(3, revealed.GetProperty("key_points").GetArrayLength());
        var report = await _mcp.CallOkAsync("progress_report", []);
        Assert.Equal(1, report.GetProperty("reviews").GetInt32());

        await _mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = "transformers-attention/what-does-softmax-do-in-attention", ["answer"] = "Scores become a distribution whose weights sum to one." });
        var afterAnswer = await _mcp.CallOkAsync("quiz_reveal", new() { ["card_id"] = "transformers-attention/what-does-softmax-do-in-attention" });
        Assert.False(afterAnswer.GetProperty("counted_as_failed").GetBoolean());
    }

    [Fact]
    public async Task Due_cards_come_back_first_the_next_day()
    {
        await _mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "", ["self_rating"] = "again" });
        var sameDay = await _mcp.CallOkAsync("quiz_next", new() { ["section"] = "03" });
        Assert.NotEqual("vector-databases/what-is-ivf", sameDay.GetProperty("card").GetProperty("card_id").GetString());

        _time.Now = _time.Now.AddDays(1);
        var nextDay = await _mcp.CallOkAsync("quiz_next", new() { ["section"] = "03" });

        Assert.Equal("vector-databases/what-is-ivf", nextDay.GetProperty("card").GetProperty("card_id").GetString());
        Assert.Equal("learning", nextDay.GetProperty("card").GetProperty("state").GetString());
        Assert.Equal(1, nextDay.GetProperty("due_count").GetInt32());
    }

    [Fact]
    public async Task Self_rating_overrides_the_grade()
    {
        var answer = await _mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "Clustering vectors into inverted lists and probing only some lists.", ["self_rating"] = "easy" });

        Assert.Equal("easy", answer.GetProperty("rating").GetString());
        Assert.Equal("self", answer.GetProperty("grader").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("instruction").ValueKind);
    }

    [Fact]
    public async Task Concurrent_answers_lose_nothing()
    {
        var cards = (await _mcp.CallOkAsync("list_topics", [])).GetProperty("total_cards").GetInt32();
        var ids = new[]
        {
            "hybrid-search/why-combine-bm25-with-dense-retrieval", "hybrid-search/what-is-the-rrf-formula", "hybrid-search/why-does-rrf-need-no-tuning",
            "hybrid-search/what-does-b-do-in-bm25", "hybrid-search/what-does-k1-do-in-bm25", "vector-databases/how-does-hnsw-search",
            "vector-databases/what-does-efsearch-trade", "vector-databases/what-is-ivf", "vector-databases/what-does-product-quantization-do",
            "transformers-attention/what-is-the-attention-formula", "transformers-attention/why-scale-by-the-square-root-of-d-k",
        };

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            _mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = ids[i % ids.Length], ["answer"] = $"attempt {i}" })));

        var report = await _mcp.CallOkAsync("progress_report", []);
        Assert.Equal(30, report.GetProperty("reviews").GetInt32());
        Assert.Equal(ids.Length, report.GetProperty("studied_cards").GetInt32());
        Assert.Equal(cards, report.GetProperty("total_cards").GetInt32());
    }

    [Theory]
    [InlineData("", "card_id is empty")]
    [InlineData("no-such-note/question", "card ids look like")]
    [InlineData("hybrid-search/no-such-question", "its cards are")]
    [InlineData("'; DROP TABLE reviews; --", "card ids look like")]
    public async Task Unknown_or_malformed_card_ids_get_clear_errors(string cardId, string expected)
    {
        Assert.Contains(expected, await _mcp.CallErrorAsync("quiz_answer", new() { ["card_id"] = cardId, ["answer"] = "x" }), StringComparison.Ordinal);
        Assert.Contains(expected, await _mcp.CallErrorAsync("quiz_reveal", new() { ["card_id"] = cardId }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_card_ids_and_answers_get_clear_errors()
    {
        Assert.Contains("characters long", await _mcp.CallErrorAsync("quiz_answer", new() { ["card_id"] = new string('x', 100_000), ["answer"] = "x" }), StringComparison.Ordinal);
        Assert.Contains("limit is 20,000", await _mcp.CallErrorAsync("quiz_answer", new() { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = new string('x', 100_000) }), StringComparison.Ordinal);
        Assert.Equal(0, (await _mcp.CallOkAsync("progress_report", [])).GetProperty("reviews").GetInt32());
    }

    [Fact]
    public async Task Unknown_topics_are_explained()
    {
        Assert.Contains("no notes match the topic", await _mcp.CallErrorAsync("quiz_next", new() { ["topic"] = "basket weaving" }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_also_a_markdown_resource()
    {
        await _mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "Vectors clustered into lists; only some lists are probed." });

        var resource = await _mcp.Client.ReadResourceAsync("llmprep://progress");

        var text = Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text;
        Assert.Contains("Overall readiness", text, StringComparison.Ordinal);
        Assert.Contains("| RAG and embeddings |", text, StringComparison.Ordinal);
        Assert.Contains("(llmprep://notes/03-rag-and-embeddings/vector-databases)", text, StringComparison.Ordinal);
    }
}
