using LlmPrep.Core.Index;
using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Search;

public sealed class SearchServiceTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly StudyLibrary _library;

    public SearchServiceTests()
    {
        _corpus.WriteNote("03-rag-and-embeddings", "hybrid-search", "Hybrid search", "## Fusion\n\nCombine rankings from two retrievers.", aliases: "RRF, reciprocal rank fusion", tags: "retrieval, bm25");
        _corpus.WriteNote("03-rag-and-embeddings", "vector-databases", "Vector databases", "## Indexes\n\nHNSW graphs. Some teams mention RRF in passing when they merge results from several shards of an index.", tags: "retrieval, ann");
        _corpus.WriteNote("01-foundations", "transformers", "Transformers and attention", "## Scaled dot product\n\nSoftmax of QK transposed over the square root of d_k.", level: "beginner", priority: "must", tags: "architecture");
        _corpus.WriteNote("06-production", "caching", "Caching", "## Prompt caching\n\nReuse the KV cache of a shared prefix.", level: "advanced", priority: "good", tags: "serving");
        _library = StudyLibrary.Open(_corpus.Options);
    }

    [Fact]
    public void Alias_match_outranks_a_passing_mention_in_a_body()
    {
        var result = _library.Search(new SearchRequest("RRF"));

        Assert.Equal("hybrid-search", result.Hits[0].NoteId);
        Assert.Equal("", result.Hits[0].Anchor);
        Assert.Contains(result.Hits, h => h.NoteId == "vector-databases");
        Assert.True(result.Hits[0].Score > result.Hits.First(h => h.NoteId == "vector-databases").Score);
    }

    [Fact]
    public void Title_match_outranks_a_body_mention()
    {
        var result = _library.Search(new SearchRequest("caching"));

        Assert.Equal("caching", result.Hits[0].NoteId);
    }

    [Fact]
    public void Hits_carry_uris_anchors_and_marked_snippets()
    {
        var hit = _library.Search(new SearchRequest("HNSW graphs")).Hits[0];

        Assert.Equal("llmprep://notes/03-rag-and-embeddings/vector-databases#indexes", hit.Uri);
        Assert.Equal("llmprep://notes/03-rag-and-embeddings/vector-databases", hit.NoteUri);
        Assert.Equal("indexes", hit.Anchor);
        Assert.Equal("Indexes", hit.Heading);
        Assert.Contains("**HNSW** **graphs**", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"softmax")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(softmax attention, 2)")]
    [InlineData("softmax*")]
    [InlineData("-softmax attention")]
    [InlineData("title:softmax")]
    [InlineData("((softmax")]
    [InlineData("softmax)) OR (")]
    [InlineData("AND OR NOT")]
    [InlineData("^softmax")]
    [InlineData("'; DROP TABLE sections; --")]
    [InlineData("\0softmax")]
    [InlineData("😀 softmax")]
    public void Fts5_syntax_in_queries_never_raises(string query)
    {
        var result = _library.Search(new SearchRequest(query));

        Assert.NotNull(result);
    }

    [Fact]
    public void Prefix_phrase_and_exclusion_work_on_purpose()
    {
        Assert.Contains(_library.Search(new SearchRequest("soft*")).Hits, h => h.NoteId == "transformers");
        Assert.Contains(_library.Search(new SearchRequest("\"square root\"")).Hits, h => h.NoteId == "transformers");
        Assert.Empty(_library.Search(new SearchRequest("\"root square\"")).Hits);
        var excluded = _library.Search(new SearchRequest("combine -hnsw")).Hits;
        Assert.Contains(excluded, h => h.Anchor == "fusion");
        Assert.DoesNotContain(excluded, h => h.Anchor == "indexes");
        Assert.Contains(_library.Search(new SearchRequest("combine hnsw")).Hits, h => h.Anchor == "indexes");
    }

    [Fact]
    public void Unknown_words_give_an_empty_result_not_an_error()
    {
        var result = _library.Search(new SearchRequest("zyxwvut qwertyuiop"));

        Assert.Empty(result.Hits);
        Assert.Equal(0, result.Total);
        Assert.Null(result.NextOffset);
    }

    [Fact]
    public void Falls_back_to_any_word_when_no_section_has_all()
    {
        var result = _library.Search(new SearchRequest("softmax hnsw"));

        Assert.Equal("any", result.MatchMode);
        Assert.Contains(result.Hits, h => h.NoteId == "transformers");
        Assert.Contains(result.Hits, h => h.NoteId == "vector-databases");
    }

    [Fact]
    public void Filters_by_section_level_priority_and_tags()
    {
        Assert.All(_library.Search(new SearchRequest("question") { Filter = new IndexFilter { Sections = ["03"] } }).Hits, h => Assert.Equal("03-rag-and-embeddings", h.Section));
        Assert.All(_library.Search(new SearchRequest("question") { Filter = new IndexFilter { Sections = ["rag-and-embeddings"] } }).Hits, h => Assert.Equal("03-rag-and-embeddings", h.Section));
        Assert.All(_library.Search(new SearchRequest("question") { Filter = new IndexFilter { Levels = ["Advanced"] } }).Hits, h => Assert.Equal("caching", h.NoteId));
        Assert.All(_library.Search(new SearchRequest("question") { Filter = new IndexFilter { Priorities = ["good"] } }).Hits, h => Assert.Equal("caching", h.NoteId));
        var tagged = _library.Search(new SearchRequest("question") { Filter = new IndexFilter { Tags = ["retrieval", "ann"] } });
        Assert.NotEmpty(tagged.Hits);
        Assert.All(tagged.Hits, h => Assert.Equal("vector-databases", h.NoteId));
    }

    [Theory]
    [InlineData("nope", null, null, "section 'nope' does not exist")]
    [InlineData(null, "guru", null, "level 'guru'")]
    [InlineData(null, null, "maybe", "priority 'maybe'")]
    public void Unknown_filter_values_are_clear_errors(string? section, string? level, string? priority, string expected)
    {
        var filter = new IndexFilter
        {
            Sections = section is null ? [] : [section],
            Levels = level is null ? [] : [level],
            Priorities = priority is null ? [] : [priority],
        };

        var error = Assert.Throws<SearchException>(() => _library.Search(new SearchRequest("softmax") { Filter = filter }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_with_limit_and_offset()
    {
        var first = _library.Search(new SearchRequest("question") { Limit = 3 });
        var second = _library.Search(new SearchRequest("question") { Limit = 3, Offset = first.NextOffset!.Value });

        Assert.Equal(3, first.Hits.Count);
        Assert.Equal(3, first.NextOffset);
        Assert.True(first.Total > 6);
        Assert.Equal(first.Total, second.Total);
        Assert.Empty(first.Hits.Select(h => h.Uri).Intersect(second.Hits.Select(h => h.Uri)));
    }

    [Fact]
    public void Token_budget_cuts_the_page_but_keeps_one_hit()
    {
        var all = _library.Search(new SearchRequest("question") { Limit = 20 });
        var tight = _library.Search(new SearchRequest("question") { Limit = 20, MaxTokens = 50 });

        Assert.Single(tight.Hits);
        Assert.True(tight.Truncated);
        Assert.Equal(1, tight.NextOffset);
        Assert.False(all.Truncated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_query_is_a_clear_error(string query)
    {
        var error = Assert.Throws<SearchException>(() => _library.Search(new SearchRequest(query)));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_query_is_a_clear_error()
    {
        var error = Assert.Throws<SearchException>(() => _library.Search(new SearchRequest(new string('x', 100_000))));
        Assert.Contains("limit is 1,000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-attention")]
    [InlineData("-attention -softmax")]
    public void A_query_of_only_exclusions_says_so(string query)
    {
        var error = Assert.Throws<SearchException>(() => _library.Search(new SearchRequest(query)));

        Assert.Contains("cannot consist only of -words", error.Message, StringComparison.Ordinal);
        Assert.Contains("attention -attention", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Punctuation_only_query_is_a_clear_error()
    {
        var error = Assert.Throws<SearchException>(() => _library.Search(new SearchRequest("\" ( ) *")));
        Assert.Contains("no words", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _library.Dispose();
        _corpus.Dispose();
    }
}
