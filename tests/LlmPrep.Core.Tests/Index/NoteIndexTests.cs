using LlmPrep.Core.Index;
using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Index;

public sealed class NoteIndexTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    public NoteIndexTests()
    {
        _corpus.WriteNote("01-foundations", "tokenization", "Tokenization", "Byte pair encoding merges frequent pairs.");
        _corpus.WriteNote("01-foundations", "attention", "Attention", "Queries, keys and values.");
        _corpus.WriteNote("03-rag-and-embeddings", "chunking", "Chunking", "Split documents with overlap.");
    }

    [Fact]
    public void First_sync_adds_every_file_and_a_second_touches_none()
    {
        using (var first = StudyLibrary.Open(_corpus.Options))
        {
            Assert.True(first.LastSync.Rebuilt);
            Assert.Equal(3, first.LastSync.Added);
        }

        using var second = StudyLibrary.Open(_corpus.Options);
        Assert.False(second.LastSync.Rebuilt);
        Assert.Equal((0, 0, 0, 0, 3), (second.LastSync.Added, second.LastSync.Updated, second.LastSync.Touched, second.LastSync.Removed, second.LastSync.Unchanged));
    }

    [Fact]
    public void Sync_touches_only_changed_added_and_removed_files()
    {
        using var library = StudyLibrary.Open(_corpus.Options);

        _corpus.WriteNote("01-foundations", "tokenization", "Tokenization", "SentencePiece works on raw bytes and unigram models.");
        _corpus.WriteNote("05-fine-tuning-and-alignment", "lora", "LoRA", "Low rank adapters.");
        File.Delete(Path.Combine(_corpus.Root, "03-rag-and-embeddings", "chunking.md"));
        var sync = library.Reload();

        Assert.Equal((1, 1, 1, 1), (sync.Added, sync.Updated, sync.Removed, sync.Unchanged));
        Assert.NotEmpty(library.Search(new SearchRequest("sentencepiece")).Hits);
        Assert.Empty(library.Search(new SearchRequest("merges")).Hits);
        Assert.Empty(library.Search(new SearchRequest("overlap")).Hits);
        Assert.NotEmpty(library.Search(new SearchRequest("adapters")).Hits);
    }

    [Fact]
    public void A_new_timestamp_with_the_same_content_only_updates_the_stamp()
    {
        using var library = StudyLibrary.Open(_corpus.Options);
        File.SetLastWriteTimeUtc(Path.Combine(_corpus.Root, "01-foundations", "attention.md"), DateTime.UtcNow.AddMinutes(5));

        var sync = library.Reload();

        Assert.Equal((0, 0, 1, 2), (sync.Updated, sync.Added, sync.Touched, sync.Unchanged));
    }

    [Fact]
    public void Deleted_index_is_rebuilt()
    {
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_corpus.Options.IndexPath);

        using var library = StudyLibrary.Open(_corpus.Options);
        Assert.True(library.LastSync.Rebuilt);
        Assert.NotEmpty(library.Search(new SearchRequest("overlap")).Hits);
    }

    [Theory]
    [InlineData("this is not a database at all")]
    [InlineData("SQLite format 3\0garbage garbage garbage")]
    public void Corrupt_index_is_rebuilt(string garbage)
    {
        Directory.CreateDirectory(_corpus.DataDirectory);
        File.WriteAllText(_corpus.Options.IndexPath, garbage + new string('x', 5000));

        using var library = StudyLibrary.Open(_corpus.Options);

        Assert.True(library.LastSync.Rebuilt);
        Assert.Equal(3, library.LastSync.Added);
        Assert.NotEmpty(library.Search(new SearchRequest("overlap")).Hits);
    }

    [Fact]
    public void Index_lives_in_the_data_dir_apart_from_progress()
    {
        using var library = StudyLibrary.Open(_corpus.Options);

        Assert.True(File.Exists(Path.Combine(_corpus.DataDirectory, "index.db")));
        Assert.NotEqual(_corpus.Options.IndexPath, _corpus.Options.ProgressPath);
    }

    [Fact]
    public void Section_text_is_stored_once()
    {
        var snapshot = _corpus.Load();
        using (var library = StudyLibrary.Open(_corpus.Options))
        {
            Assert.Equal(snapshot.Notes.Sum(n => n.Sections.Count), library.LastSync.Sections);
        }

        // External-content FTS5 keeps only its inverted index: no <table>_content shadow table holds a second copy.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_corpus.Options.IndexPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ' ') FROM sqlite_master WHERE name LIKE 'sections_fts_%'";
        var shadows = (command.ExecuteScalar() as string ?? "").Split(' ');
        Assert.Contains("sections_fts_data", shadows);
        Assert.DoesNotContain("sections_fts_content", shadows);
    }

    [Fact]
    public void Reload_reuses_the_parse_of_unchanged_files()
    {
        using var library = StudyLibrary.Open(_corpus.Options);
        var attention = library.Corpus.FindById("attention");
        _corpus.WriteNote("01-foundations", "tokenization", "Tokenization", "Unigram tokenizers prune a large vocabulary.");

        library.Reload();

        Assert.Same(attention, library.Corpus.FindById("attention"));
        Assert.Contains("Unigram", library.Corpus.FindById("tokenization")!.Body, StringComparison.Ordinal);
    }

    public void Dispose() => _corpus.Dispose();
}
