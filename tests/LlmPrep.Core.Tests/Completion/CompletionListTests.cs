using LlmPrep.Core.Completion;

namespace LlmPrep.Core.Tests.Completion;

public class CompletionListTests
{
    private static readonly CompletionList Topics = new(
    [
        "LLM reranker",
        "retrieval-vs-ranking",
        "reciprocal rank fusion",
        "reranking",
        "retrieval",
        "query rewriting",
        "Retrieval-augmented generation end to end",
    ]);

    [Fact]
    public void Ranks_prefix_before_word_start_before_fuzzy()
    {
        var list = new CompletionList(["the ranker", "r a n k e r", "rnkr", "ranker fusion", "rankr", "rankers"]);

        var matches = list.Match("ranke");

        Assert.Equal(["rankers", "ranker fusion", "the ranker", "rankr", "r a n k e r"], matches.Select(m => m.Value));
        Assert.Equal([MatchKind.Prefix, MatchKind.Prefix, MatchKind.WordStart, MatchKind.Fuzzy, MatchKind.Fuzzy], matches.Select(m => m.Kind));
    }

    [Fact]
    public void An_exact_match_comes_first_then_shorter_values()
    {
        var matches = Topics.Match("retrieval");

        Assert.Equal("retrieval", matches[0].Value);
        Assert.Equal(0, matches[0].Score);
        Assert.Equal(["retrieval", "retrieval-vs-ranking", "Retrieval-augmented generation end to end"], matches.Take(3).Select(m => m.Value));
    }

    [Fact]
    public void A_prefix_finds_every_value_that_starts_with_it_ignoring_case()
    {
        var values = Topics.Complete("RETR").Values;

        Assert.Equal(["retrieval", "retrieval-vs-ranking", "Retrieval-augmented generation end to end"], values);
    }

    [Fact]
    public void A_later_word_matches_by_its_start()
    {
        var matches = Topics.Match("fus");

        var match = Assert.Single(matches);
        Assert.Equal("reciprocal rank fusion", match.Value);
        Assert.Equal(MatchKind.WordStart, match.Kind);
    }

    [Fact]
    public void Separators_and_case_do_not_matter()
    {
        var list = new CompletionList(["kv-cache-context-windows", "03-rag-and-embeddings/hybrid-search"]);

        Assert.Equal(["kv-cache-context-windows"], list.Complete("KV cache").Values);
        Assert.Equal(["03-rag-and-embeddings/hybrid-search"], list.Complete("hybrid s").Values);
        Assert.Equal(["03-rag-and-embeddings/hybrid-search"], list.Complete("03 rag").Values);
    }

    [Theory]
    [InlineData("rerankng", "reranking")]
    [InlineData("reranknig", "reranking")]
    [InlineData("retreival", "retrieval")]
    [InlineData("qeury", "query rewriting")]
    public void A_typo_is_a_fuzzy_match(string typed, string expected)
    {
        var matches = Topics.Match(typed);

        Assert.NotEmpty(matches);
        Assert.Equal(expected, matches[0].Value);
        Assert.Equal(MatchKind.Fuzzy, matches[0].Kind);
        Assert.True(matches[0].Score < CompletionList.LooseScore);
    }

    [Fact]
    public void Typed_letters_in_order_are_a_fuzzy_match()
    {
        var matches = Topics.Match("rrfusion");

        Assert.Contains(matches, m => m.Value == "reciprocal rank fusion" && m.Kind == MatchKind.Fuzzy && m.Score >= CompletionList.LooseScore);
    }

    [Fact]
    public void Closer_typos_rank_before_looser_ones()
    {
        var list = new CompletionList(["rebanking", "reranking"]);

        var matches = list.Match("reranknig");

        Assert.Equal(["reranking", "rebanking"], matches.Select(m => m.Value));
        Assert.All(matches, m => Assert.Equal(MatchKind.Fuzzy, m.Kind));
        Assert.True(matches[0].Score < matches[1].Score);
    }

    [Fact]
    public void Short_input_is_not_matched_fuzzily()
    {
        Assert.Empty(Topics.Match("zq"));
        Assert.Empty(Topics.Match("rtx"));
        Assert.Empty(Topics.Match("rnkg"));
    }

    [Fact]
    public void Letters_in_order_must_stay_close_together()
    {
        var list = new CompletionList(["retrieval augmented generation"]);

        Assert.NotEmpty(list.Match("rtrvl"));
        Assert.Empty(list.Match("rgnrtn"));
    }

    [Fact]
    public void Nothing_typed_lists_every_value_in_order()
    {
        var result = Topics.Complete("");

        Assert.Equal(Topics.Count, result.Total);
        Assert.Equal("LLM reranker", result.Values[0]);
        Assert.False(result.HasMore);
    }

    [Fact]
    public void Caps_at_one_hundred_values_with_the_total_and_has_more()
    {
        var list = new CompletionList(Enumerable.Range(0, 250).Select(i => $"topic {i:000}"));

        var result = list.Complete("topic");

        Assert.Equal(CompletionList.MaxValues, result.Values.Count);
        Assert.Equal(250, result.Total);
        Assert.True(result.HasMore);
        Assert.Equal("topic 000", result.Values[0]);
    }

    [Fact]
    public void A_smaller_limit_is_honoured()
    {
        var result = Topics.Complete("re", limit: 2);

        Assert.Equal(2, result.Values.Count);
        Assert.True(result.HasMore);
        Assert.True(result.Total > 2);
    }

    [Fact]
    public void Drops_blanks_and_case_insensitive_duplicates_keeping_the_first()
    {
        var list = new CompletionList(["RAG", "rag", " ", "", "--", "Rag pipeline"]);

        Assert.Equal(["RAG", "Rag pipeline"], list.Values);
    }

    [Fact]
    public void Matches_nothing_for_input_longer_than_any_value_could_be()
    {
        Assert.Empty(Topics.Match(new string('r', CompletionList.MaxInputLength + 1)));
    }

    [Fact]
    public void Matches_a_misspelt_phrase_in_a_large_list()
    {
        var list = new CompletionList(Enumerable.Range(0, 5_000).Select(i => $"concept number {i} about retrieval and ranking"));

        var matches = list.Match("retreival and rank");

        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.Contains("retrieval and ranking", m.Value, StringComparison.Ordinal));
    }
}
