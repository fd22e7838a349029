using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>A large vault's library collects what an answer left behind once it is sent; a small one leaves that to the collector.</summary>
public sealed class AnswerGarbageTests : IDisposable
{
    private readonly TempCorpus _vault = new();

    [Fact]
    public void A_small_library_does_not_collect_after_an_answer()
    {
        _vault.Write("Study/RRF.md", "# RRF\n\nMerge two rankings.\n");
        using var library = StudyLibrary.Open(_vault.Options);

        Assert.False(library.CollectAnswerGarbage());
    }

    [Fact]
    public void A_large_library_collects_the_youngest_generation_after_an_answer()
    {
        for (var i = 0; i < LoadedHeap.CompactFrom; i++)
        {
            _vault.Write($"Study/note-{i:D5}.md", $"# Note {i}\n\nText {i}.\n");
        }

        using var library = StudyLibrary.Open(_vault.Options);
        var before = GC.CollectionCount(0);

        Assert.True(library.CollectAnswerGarbage());
        Assert.True(GC.CollectionCount(0) > before);
        Assert.Equal(LoadedHeap.CompactFrom, library.Corpus.Notes.Count);
    }

    public void Dispose() => _vault.Dispose();
}
