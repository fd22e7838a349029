using LlmPrep.Core.Search;

namespace LlmPrep.Core.Tests.Search;

public class QueryParserTests
{
    [Theory]
    [InlineData("reciprocal rank fusion", "\"reciprocal\" AND \"rank\" AND \"fusion\"")]
    [InlineData("\"rank fusion\" bm25", "\"rank fusion\" AND \"bm25\"")]
    [InlineData("embed*", "\"embed\"*")]
    [InlineData("retrieval -dense", "(\"retrieval\") NOT (\"dense\")")]
    [InlineData("what is the kv cache", "\"kv\" AND \"cache\"")]
    [InlineData("what is it", "\"what\" AND \"is\" AND \"it\"")]
    [InlineData("NEAR(bm25 rrf)", "\"near\" AND \"bm25\" AND \"rrf\"")]
    [InlineData("title:attention", "\"title\" AND \"attention\"")]
    [InlineData("k=60 self-attention", "\"k\" AND \"60\" AND \"self\" AND \"attention\"")]
    public void Builds_quoted_match_expressions(string query, string expected)
    {
        Assert.Equal(expected, QueryParser.Parse(query).ToMatch(all: true));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("***")]
    [InlineData("-")]
    [InlineData("( ) : ^ \" '")]
    [InlineData("-excluded")]
    public void Queries_without_positive_words_are_empty(string query)
    {
        Assert.True(QueryParser.Parse(query).IsEmpty);
    }

    [Fact]
    public void Unbalanced_quote_takes_the_rest_as_a_phrase()
    {
        Assert.Equal("\"rank fusion\"", QueryParser.Parse("\"rank fusion").ToMatch(all: true));
    }

    [Fact]
    public void Caps_the_number_of_terms()
    {
        var query = string.Join(' ', Enumerable.Range(0, 500).Select(i => $"w{i}"));

        Assert.Equal(QueryParser.MaxTerms, QueryParser.Parse(query).Include.Count);
    }
}
