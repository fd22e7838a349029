using LlmPrep.Core.Corpus;
using LlmPrep.Core.Index;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Index;

/// <summary>The index serves searches with a page cache large enough to keep a large index's hot pages between searches.</summary>
public sealed class PageCacheTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public void The_serving_connection_keeps_the_large_page_cache_after_a_build_and_on_reopening()
    {
        _corpus.WriteNote("03-rag-and-embeddings", "retrieval", "Retrieval", "## Part\n\nDense retrieval.");
        var corpus = CorpusLoader.Load(_corpus.Options.Roots);

        using (var built = NoteIndex.Open(_corpus.Options.IndexPath))
        {
            Assert.True(built.WasRebuilt);
            Assert.Equal(1, built.Sync(corpus).Added);
            Assert.Equal(-NoteIndex.CacheKibibytes, built.CacheSize());
        }

        using var reopened = NoteIndex.Open(_corpus.Options.IndexPath);
        Assert.False(reopened.WasRebuilt);
        Assert.Equal(-NoteIndex.CacheKibibytes, reopened.CacheSize());
        Assert.Equal(1, reopened.Search(corpus, "\"dense\"", new IndexFilter(), 10, 0).Total);
    }

    public void Dispose() => _corpus.Dispose();
}
