using LlmPrep.Core.Completion;

namespace LlmPrep.Core.Tests.Completion;

public class FuzzyTextTests
{
    [Theory]
    [InlineData("03-rag-and-embeddings/Hybrid_Search", "03 rag and embeddings hybrid search")]
    [InlineData("  KV cache -- context  ", "kv cache context")]
    [InlineData("Case study: design a RAG assistant", "case study design a rag assistant")]
    [InlineData("--", "")]
    public void Folds_case_and_separators(string text, string expected) => Assert.Equal(expected, FuzzyText.Fold(text));

    [Fact]
    public void Finds_word_starts() => Assert.Equal([0, 3, 9], FuzzyText.WordStarts("kv cache context"));

    [Theory]
    [InlineData("rerankng", "reranking", 1)]
    [InlineData("retreival", "retrieval", 1)]
    [InlineData("rerank", "reranking", 0)]
    [InlineData("rernk", "reranking", 1)]
    [InlineData("hnws", "hnsw", 1)]
    public void Measures_the_distance_to_the_closest_prefix(string typed, string text, int expected) =>
        Assert.Equal(expected, FuzzyText.PrefixDistance(typed, text, 0, 2));

    [Fact]
    public void Gives_up_beyond_the_maximum_distance()
    {
        Assert.Null(FuzzyText.PrefixDistance("transformer", "tokenization", 0, 2));
        Assert.Null(FuzzyText.PrefixDistance("rerankng", "reranking", 0, 0));
    }

    [Fact]
    public void Measures_from_a_word_start()
    {
        const string text = "llm reranker";

        Assert.Equal(1, FuzzyText.PrefixDistance("rerankr", text, 4, 1));
    }

    [Fact]
    public void Matches_letters_in_order_from_a_word_start()
    {
        const string text = "reciprocal rank fusion";
        var starts = FuzzyText.WordStarts(text);

        Assert.Equal(0, FuzzyText.SubsequenceGap("rank", text, starts));
        Assert.True(FuzzyText.SubsequenceGap("rrf", text, starts) > 0);
        Assert.Null(FuzzyText.SubsequenceGap("fr", text, starts));
        Assert.Null(FuzzyText.SubsequenceGap("xyz", text, starts));
    }
}
