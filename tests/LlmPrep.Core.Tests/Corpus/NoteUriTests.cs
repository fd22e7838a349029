using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

public sealed class NoteUriTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly CorpusSnapshot _snapshot;

    public NoteUriTests()
    {
        _corpus.WriteNote("03-rag-and-embeddings", "hybrid-search", "Hybrid search", "## Reciprocal rank fusion\n\nText.");
        _snapshot = _corpus.Load();
    }

    [Theory]
    [InlineData("llmprep://notes/03-rag-and-embeddings/hybrid-search", null)]
    [InlineData("llmprep://notes/03-rag-and-embeddings/hybrid-search.md", null)]
    [InlineData("03-rag-and-embeddings/hybrid-search", null)]
    [InlineData("hybrid-search", null)]
    [InlineData("llmprep://notes/03-rag-and-embeddings/hybrid-search#reciprocal-rank-fusion", "reciprocal-rank-fusion")]
    [InlineData("hybrid-search#Reciprocal rank fusion", "reciprocal-rank-fusion")]
    public void Resolves_uris_paths_and_ids(string reference, string? anchor)
    {
        var (note, resolvedAnchor, error) = NoteUri.Resolve(_snapshot, reference);

        Assert.Null(error);
        Assert.Equal("hybrid-search", note!.Id);
        Assert.Equal(anchor, resolvedAnchor);
    }

    [Theory]
    [InlineData("../../etc/passwd", "'..' segments")]
    [InlineData("llmprep://notes/../../etc/passwd", "'..' segments")]
    [InlineData("03-rag-and-embeddings/../../secret", "'..' segments")]
    [InlineData("..\\..\\windows\\system32", "'..' segments")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("C:\\Windows\\win.ini", "absolute path")]
    [InlineData("~/notes", "absolute path")]
    [InlineData("file:///etc/passwd", "not a note URI")]
    [InlineData("", "empty")]
    [InlineData("no-such-note", "no note at")]
    [InlineData("hybrid-search#no-such-section", "no section")]
    public void Rejects_bad_references_with_a_clear_message(string reference, string expected)
    {
        var (note, _, error) = NoteUri.Resolve(_snapshot, reference);

        Assert.Null(note);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_huge_references()
    {
        var (note, _, error) = NoteUri.Resolve(_snapshot, new string('a', 100_000));

        Assert.Null(note);
        Assert.Contains("limit", error, StringComparison.Ordinal);
    }

    public void Dispose() => _corpus.Dispose();
}
