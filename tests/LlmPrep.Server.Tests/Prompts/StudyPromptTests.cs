using LlmPrep.Core;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Prompts;

/// <summary>study_plan, quiz_me and review_mistakes, with and without quiz history (each test has its own data folder).</summary>
public sealed class StudyPromptTests : IAsyncLifetime
{
    private McpHarness _mcp = null!;

    public async Task InitializeAsync() => _mcp = await RealCorpus.StartAsync();

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    private Task<GetPromptResult> GetAsync(string prompt, Dictionary<string, object?>? arguments = null) =>
        _mcp.Client.GetPromptAsync(prompt, arguments ?? []).AsTask();

    [Fact]
    public async Task A_study_plan_follows_the_study_order_day_by_day()
    {
        var result = await GetAsync("study_plan", new() { ["days"] = "2", ["hours_per_day"] = "2.5" });

        PromptAssert.EmbedsNote(result, "00-study-plan/study-plan");
        PromptAssert.Mentions(result,
            "I have 2 days at 2 h 30 min a day", "I have no quiz history yet, so it follows the study order",
            "### Day 1 (", "### Day 2 (", "1. [Transformers and self-attention](llmprep://notes/01-foundations/transformers-attention) (`transformers-attention`, must)",
            "review due cards", "mock interview", "Not in this plan", "Ask me two things");
        var text = PromptAssert.Text(result);
        Assert.DoesNotContain("(`rag-overview`", text[..text.IndexOf("### Day 2", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focus_goes_first()
    {
        var result = await GetAsync("study_plan", new() { ["days"] = "1", ["focus"] = "rag" });

        var text = PromptAssert.Text(result);
        var first = text[text.IndexOf("1. [", StringComparison.Ordinal)..].Split('\n')[0];
        Assert.Contains("llmprep://notes/03-rag-and-embeddings/", first, StringComparison.Ordinal);
        PromptAssert.Mentions(result, "focusing first on \"rag\"");
    }

    [Fact]
    public async Task With_quiz_history_the_plan_puts_the_weakest_sections_first_and_embeds_progress()
    {
        await using var mcp = await StartWithFailuresAsync(("hybrid-search/why-combine-bm25-with-dense-retrieval-instead-of-using-embeddings-alone", null));

        var result = await mcp.Client.GetPromptAsync("study_plan", new Dictionary<string, object?>());

        Assert.Contains("llmprep://progress", PromptAssert.Uris(result));
        PromptAssert.Mentions(result, "It puts my weakest sections first");
    }

    [Fact]
    public async Task An_unreadable_progress_file_still_gives_a_plan()
    {
        await File.WriteAllTextAsync(_mcp.Settings.Library.ProgressPath, "this is not a database, and it must stay untouched");

        var plan = await GetAsync("study_plan");
        var review = await GetAsync("review_mistakes");

        PromptAssert.Mentions(plan, "The progress file could not be read", "### Day 1");
        PromptAssert.Mentions(review, "my progress file cannot be read");
        Assert.Equal("this is not a database, and it must stay untouched", await File.ReadAllTextAsync(_mcp.Settings.Library.ProgressPath));
    }

    [Fact]
    public async Task Quiz_me_drives_quiz_next_and_quiz_answer_on_the_topic()
    {
        var result = await GetAsync("quiz_me", new() { ["topic"] = "lora-qlora", ["count"] = "3" });

        Assert.Equal(["llmprep://notes/05-fine-tuning-and-alignment/lora-qlora"], PromptAssert.Uris(result));
        PromptAssert.Mentions(result,
            "3 questions on \"lora-qlora\"", "Call quiz_next with topic \"lora-qlora\"", "exactly as written", "quiz_answer with the card_id and my answer verbatim",
            "quiz_rate", "Never show a reference answer", "Start: call quiz_next with topic \"lora-qlora\"");
    }

    [Fact]
    public async Task Quiz_me_without_a_topic_draws_from_everything()
    {
        var result = await GetAsync("quiz_me");

        Assert.NotEmpty(PromptAssert.Resources(result));
        PromptAssert.Mentions(result, "5 questions on whatever is due", "quiz_next with no topic");
    }

    [Fact]
    public async Task Quiz_me_on_an_unknown_topic_lists_close_matches()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => GetAsync("quiz_me", new() { ["topic"] = "retreival" }));

        Assert.Contains("Close matches: 'retrieval'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_mistakes_without_history_starts_a_quiz_instead()
    {
        var result = await GetAsync("review_mistakes");

        Assert.Empty(PromptAssert.Resources(result));
        PromptAssert.Mentions(result, "no card is still failed", "quiz_next");
    }

    [Fact]
    public async Task Review_mistakes_goes_over_failed_cards_with_their_sections()
    {
        await using var mcp = await StartWithFailuresAsync(
            ("hybrid-search/why-combine-bm25-with-dense-retrieval-instead-of-using-embeddings-alone", "no idea, maybe speed?"),
            ("kv-cache-context-windows/what-is-the-kv-cache-and-why-does-it-speed-up-inference", null));

        var result = await mcp.Client.GetPromptAsync("review_mistakes", new Dictionary<string, object?> { ["limit"] = "5" });

        var uris = PromptAssert.Uris(result);
        Assert.Contains(uris, u => u.StartsWith("llmprep://notes/03-rag-and-embeddings/hybrid-search#", StringComparison.Ordinal));
        Assert.Contains(uris, u => u.StartsWith("llmprep://notes/01-foundations/kv-cache-context-windows#", StringComparison.Ordinal));
        PromptAssert.Mentions(result,
            "the 2 cards I failed most recently",
            "1. `kv-cache-context-windows/what-is-the-kv-cache-and-why-does-it-speed-up-inference`",
            "2. `hybrid-search/why-combine-bm25-with-dense-retrieval-instead-of-using-embeddings-alone`: Why combine BM25 with dense retrieval instead of using embeddings alone?",
            "my answer: \"no idea, maybe speed?\"", "missed:", "Ask the question again exactly as written", "call quiz_answer");
    }

    [Theory]
    [InlineData("study_plan", "days", "0", "'days' must be between 1 and 60; got 0")]
    [InlineData("study_plan", "hours_per_day", "lots", "'hours_per_day' of prompt 'study_plan' must be a number")]
    [InlineData("quiz_me", "count", "100", "'count' must be between 1 and 30; got 100")]
    [InlineData("review_mistakes", "limit", "", "'limit' is empty: leave it out or give a whole number")]
    public async Task Bad_numbers_get_clear_errors(string prompt, string argument, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => GetAsync(prompt, new() { [argument] = value }));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_mistakes_leaves_out_cards_answered_correctly_since()
    {
        await using var mcp = await StartWithReviewsAsync(
            (HybridCard, "no idea", Rating.Again),
            (KvCard, null, Rating.Again),
            (HybridCard, "BM25 catches exact terms, dense catches paraphrases; fuse them", Rating.Good));

        var result = await mcp.Client.GetPromptAsync("review_mistakes", new Dictionary<string, object?> { ["limit"] = "5" });

        PromptAssert.Mentions(result, "the 1 card I failed most recently", $"1. `{KvCard}`");
        Assert.DoesNotContain(HybridCard, PromptAssert.Text(result), StringComparison.Ordinal);
        Assert.DoesNotContain(PromptAssert.Uris(result), u => u.Contains("hybrid-search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Review_mistakes_keeps_to_a_topic()
    {
        await using var mcp = await StartWithFailuresAsync((HybridCard, "no idea"), (KvCard, null));

        var result = await mcp.Client.GetPromptAsync("review_mistakes", new Dictionary<string, object?> { ["topic"] = "rrf" });

        PromptAssert.Mentions(result, "the 1 card I failed most recently", $"1. `{HybridCard}`");
        Assert.DoesNotContain(KvCard, PromptAssert.Text(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lora", "05-fine-tuning-and-alignment/lora-qlora")]
    [InlineData("mcp", "04-agents-and-tool-use/model-context-protocol")]
    [InlineData("kv cache", "01-foundations/kv-cache-context-windows")]
    [InlineData("dpo", "05-fine-tuning-and-alignment/preference-alignment")]
    public async Task Quiz_me_embeds_the_note_that_teaches_the_topic(string topic, string path)
    {
        var result = await GetAsync("quiz_me", new() { ["topic"] = topic });

        var uris = PromptAssert.Uris(result);
        Assert.Equal($"llmprep://notes/{path}", uris[0]);
        Assert.DoesNotContain(uris, u => u.EndsWith("/key-terminology", StringComparison.Ordinal));
    }

    private const string HybridCard = "hybrid-search/why-combine-bm25-with-dense-retrieval-instead-of-using-embeddings-alone";
    private const string KvCard = "kv-cache-context-windows/what-is-the-kv-cache-and-why-does-it-speed-up-inference";

    /// <summary>A server whose progress file already holds failed reviews of these cards, oldest first.</summary>
    private static Task<SeededServer> StartWithFailuresAsync(params (string CardId, string? Answer)[] failures) =>
        StartWithReviewsAsync([.. failures.Select(f => (f.CardId, f.Answer, Rating.Again))]);

    /// <summary>A server whose progress file already holds these reviews, oldest first.</summary>
    private static async Task<SeededServer> StartWithReviewsAsync(params (string CardId, string? Answer, Rating Rating)[] reviews)
    {
        var data = Fixtures.NewDataDirectory();
        var corpus = CorpusLoader.Load([new CorpusRoot("bundled", RealCorpus.Path)]);
        var scheduler = new FsrsScheduler();
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        using (var store = ProgressStore.Open(new LibraryOptions([], data).ProgressPath))
        {
            foreach (var (cardId, answer, rating) in reviews)
            {
                var card = corpus.FindCard(cardId) ?? throw new InvalidOperationException($"no card {cardId}");
                var before = store.Memory(card.Id) ?? CardMemory.New(at);
                var missed = rating == Rating.Again ? card.KeyPoints.Take(2).ToList() : [];
                store.Record(new NewReview(card.Id, card.NoteId, at, rating, rating == Rating.Again ? 0 : 1, "key_points", answer, missed, before, scheduler.Review(before, rating, at)));
                at = at.AddMinutes(1);
            }
        }

        return new SeededServer(await RealCorpus.StartAsync(data), data);
    }

    /// <summary>A server on a data folder the test made; disposing it deletes the folder.</summary>
    private sealed class SeededServer(McpHarness mcp, string dataDirectory) : IAsyncDisposable
    {
        public ModelContextProtocol.Client.McpClient Client => mcp.Client;

        public async ValueTask DisposeAsync()
        {
            await mcp.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
