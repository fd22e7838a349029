using LlmPrep.Core.Index;
using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Search;

/// <summary>The total a search reports is the number of matching sections, whichever page is asked for.</summary>
public sealed class SearchTotalTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly StudyLibrary _library;

    public SearchTotalTests()
    {
        for (var i = 0; i < 7; i++)
        {
            _corpus.WriteNote("03-rag-and-embeddings", $"retrieval-{i}", $"Retrieval note {i}", $"## Part\n\nDense retrieval with chunk {i}.", tags: i % 2 == 0 ? "even" : "odd");
        }

        _library = StudyLibrary.Open(_corpus.Options);
    }

    [Theory]
    [InlineData(50, 0)]
    [InlineData(3, 0)]
    [InlineData(7, 0)]
    [InlineData(3, 3)]
    [InlineData(3, 6)]
    [InlineData(3, 40)]
    public void Total_counts_every_match_on_any_page(int limit, int offset)
    {
        var all = _library.Search(new SearchRequest("dense retrieval") { Limit = 50 });
        var page = _library.Search(new SearchRequest("dense retrieval") { Limit = limit, Offset = offset });

        Assert.Equal(7, all.Hits.Count);
        Assert.Equal(7, all.Total);
        Assert.Equal(7, page.Total);
        Assert.Equal(all.Hits.Skip(offset).Take(limit).Select(h => h.Uri), page.Hits.Select(h => h.Uri));
    }

    [Fact]
    public void Total_counts_only_matches_the_filter_keeps()
    {
        var filter = new IndexFilter { Tags = ["even"] };

        Assert.Equal(4, _library.Search(new SearchRequest("chunk") { Filter = filter, Limit = 2 }).Total);
        Assert.Equal(4, _library.Search(new SearchRequest("chunk") { Filter = filter }).Total);
        Assert.Equal(0, _library.Search(new SearchRequest("nothing-like-this") { Filter = filter }).Total);
    }

    public void Dispose()
    {
        _library.Dispose();
        _corpus.Dispose();
    }
}
