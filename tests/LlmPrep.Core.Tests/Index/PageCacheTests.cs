using LlmPrep.Core.Corpus;
using LlmPrep.Core.Index;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Index;

/// <summary>
/// The index serves searches with a page cache large enough to keep a large index's hot pages between searches, and
/// reads the stamps and the parse cache at start-up through the small default cache.
/// </summary>
public sealed class PageCacheTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public void Searches_get_the_large_page_cache_after_a_build_and_on_reopening_and_syncs_before_them_do_not()
    {
        _corpus.WriteNote("03-rag-and-embeddings", "retrieval", "Retrieval", "## Part\n\nDense retrieval.");
        var corpus = CorpusLoader.Load(_corpus.Options.Roots);

        using (var built = NoteIndex.Open(_corpus.Options.IndexPath))
        {
            Assert.True(built.WasRebuilt);
            Assert.Equal(1, built.Sync(corpus).Added);
            Assert.Equal(-2000, built.CacheSize());
            Assert.Equal(1, built.Search(corpus, "\"dense\"", new IndexFilter(), 10, 0).Total);
            Assert.Equal(-NoteIndex.CacheKibibytes, built.CacheSize());
        }

        using var reopened = NoteIndex.Open(_corpus.Options.IndexPath);
        Assert.False(reopened.WasRebuilt);
        Assert.Equal(0, reopened.Sync(corpus).Added);
        Assert.Equal(-2000, reopened.CacheSize());
        Assert.Equal(1, reopened.Count("\"dense\"", new IndexFilter()));
        Assert.Equal(-NoteIndex.CacheKibibytes, reopened.CacheSize());
    }

    public void Dispose() => _corpus.Dispose();
}
