using LlmPrep.Core.Corpus;
using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Index;

/// <summary>
/// Syncing the index in a fresh process when nothing changed compares the directory listing with the index's stamps
/// and stops there; a changed, new or deleted file is noticed, and only it is parsed.
/// </summary>
public sealed class UnchangedSyncTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    public UnchangedSyncTests()
    {
        _corpus.WriteNote("01-foundations", "tokenization", "Tokenization", "Byte pair encoding merges frequent pairs.");
        _corpus.WriteNote("01-foundations", "attention", "Attention", "Queries, keys and values.");
        _corpus.WriteNote("03-rag-and-embeddings", "chunking", "Chunking", "Split documents with overlap.");
    }

    [Fact]
    public void A_first_sync_parses_every_file_and_keeps_the_counts()
    {
        var first = StudyLibrary.SyncIndex(_corpus.Options);

        Assert.False(first.NothingChanged);
        Assert.Equal((3, 3, 0), (first.Sync.Added, first.Sync.Parsed, first.Sync.FromCache));
        Assert.Equal((3, 2, 15), (first.Counts.Notes, first.Counts.Sections, first.Counts.Cards));
        Assert.Equal(CorpusCounts.Of(_corpus.Load()), first.Counts);
    }

    [Fact]
    public void An_unchanged_sync_reads_no_note_and_no_parse()
    {
        var first = StudyLibrary.SyncIndex(_corpus.Options);

        // Every kept parse is made unreadable: a sync that read one would have to parse its file again.
        SpoilParses();
        var second = StudyLibrary.SyncIndex(_corpus.Options);

        Assert.True(second.NothingChanged);
        Assert.Equal((0, 0, 3), (second.Sync.Parsed, second.Sync.FromCache, second.Sync.Unchanged));
        Assert.Equal((0, 0, 0, 0), (second.Sync.Added, second.Sync.Updated, second.Sync.Touched, second.Sync.Removed));
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(first.Sync.Sections, second.Sync.Sections);

        using var library = StudyLibrary.Open(_corpus.Options);
        Assert.Equal(3, library.LastSync.Parsed);
    }

    [Fact]
    public void An_edited_file_is_parsed_alone()
    {
        StudyLibrary.SyncIndex(_corpus.Options);

        _corpus.Write("01-foundations/attention.md", Notes.Valid("01-foundations", "attention", "Attention", "Softmax over scaled dot products.", cards: 2));
        var second = StudyLibrary.SyncIndex(_corpus.Options);

        Assert.False(second.NothingChanged);
        Assert.Equal((1, 2), (second.Sync.Parsed, second.Sync.FromCache));
        Assert.Equal((1, 2), (second.Sync.Updated, second.Sync.Unchanged));
        Assert.Equal((3, 2, 12), (second.Counts.Notes, second.Counts.Sections, second.Counts.Cards));
        Assert.Equal(CorpusCounts.Of(_corpus.Load()), second.Counts);
        Assert.True(StudyLibrary.SyncIndex(_corpus.Options).NothingChanged);
    }

    [Fact]
    public void A_file_of_the_same_size_with_a_new_time_is_noticed()
    {
        StudyLibrary.SyncIndex(_corpus.Options);
        var path = Path.Combine(_corpus.Root, "03-rag-and-embeddings", "chunking.md");
        var before = new FileInfo(path);
        var (size, time) = (before.Length, before.LastWriteTimeUtc);

        File.WriteAllText(path, File.ReadAllText(path).Replace("overlap", "zebras!", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, time.AddSeconds(2));
        Assert.Equal(size, new FileInfo(path).Length);
        var second = StudyLibrary.SyncIndex(_corpus.Options);

        Assert.Equal((1, 1, 2), (second.Sync.Parsed, second.Sync.Updated, second.Sync.Unchanged));
        using var library = StudyLibrary.Open(_corpus.Options);
        Assert.NotEmpty(library.Search(new SearchRequest("zebras")).Hits);
        Assert.Empty(library.Search(new SearchRequest("overlap")).Hits);
    }

    [Fact]
    public void A_deleted_file_is_removed()
    {
        StudyLibrary.SyncIndex(_corpus.Options);

        File.Delete(Path.Combine(_corpus.Root, "03-rag-and-embeddings", "chunking.md"));
        var second = StudyLibrary.SyncIndex(_corpus.Options);

        Assert.Equal((1, 0, 2), (second.Sync.Removed, second.Sync.Parsed, second.Sync.Unchanged));
        Assert.Equal((2, 1, 10), (second.Counts.Notes, second.Counts.Sections, second.Counts.Cards));
        Assert.Equal(CorpusCounts.Of(_corpus.Load()), second.Counts);
        using var library = StudyLibrary.Open(_corpus.Options);
        Assert.Empty(library.Search(new SearchRequest("overlap")).Hits);
    }

    [Fact]
    public void A_new_file_is_added_and_parsed_alone()
    {
        StudyLibrary.SyncIndex(_corpus.Options);

        _corpus.WriteNote("05-fine-tuning-and-alignment", "lora", "LoRA", "Low rank adapters.");
        var second = StudyLibrary.SyncIndex(_corpus.Options);

        Assert.Equal((1, 1, 3), (second.Sync.Added, second.Sync.Parsed, second.Sync.FromCache));
        Assert.Equal((4, 3, 20), (second.Counts.Notes, second.Counts.Sections, second.Counts.Cards));
        Assert.Equal(CorpusCounts.Of(_corpus.Load()), second.Counts);
    }

    [Fact]
    public void A_root_that_appears_empty_clears_its_problem()
    {
        var missing = Path.Combine(_corpus.DataDirectory, "later");
        var options = _corpus.Options with { Roots = [.. _corpus.Options.Roots, new CorpusRoot("later", missing)] };
        var first = StudyLibrary.SyncIndex(options);
        Assert.False(StudyLibrary.SyncIndex(options).NothingChanged);

        Directory.CreateDirectory(missing);
        var second = StudyLibrary.SyncIndex(options);

        Assert.Equal(first.Counts.Errors - 1, second.Counts.Errors);
        Assert.True(StudyLibrary.SyncIndex(options).NothingChanged);
    }

    [Fact]
    public void A_library_opened_on_an_unchanged_corpus_takes_every_parse_from_the_cache()
    {
        StudyLibrary.SyncIndex(_corpus.Options);

        using var library = StudyLibrary.Open(_corpus.Options);

        Assert.Equal((0, 3, 3), (library.LastSync.Parsed, library.LastSync.FromCache, library.LastSync.Unchanged));
        Assert.NotEmpty(library.Search(new SearchRequest("overlap")).Hits);
    }

    [Fact]
    public void An_unchanged_sync_keeps_the_fingerprint_of_the_files_and_a_sync_that_writes_forgets_it()
    {
        StudyLibrary.SyncIndex(_corpus.Options);
        Assert.Null(KeptFingerprint());

        Assert.True(StudyLibrary.SyncIndex(_corpus.Options).NothingChanged);
        Assert.Equal(CorpusFingerprint.Of(_corpus.Options.Roots).Text, KeptFingerprint());

        _corpus.WriteNote("05-fine-tuning-and-alignment", "lora", "LoRA", "Low rank adapters.");
        Assert.False(StudyLibrary.SyncIndex(_corpus.Options).NothingChanged);
        Assert.Null(KeptFingerprint());

        var third = StudyLibrary.SyncIndex(_corpus.Options);
        var fourth = StudyLibrary.SyncIndex(_corpus.Options);
        Assert.True(third.NothingChanged);
        Assert.True(fourth.NothingChanged);
        Assert.Equal((0, 4), (fourth.Sync.Parsed, fourth.Sync.Unchanged));
        Assert.Equal(third.Sync.Sections, fourth.Sync.Sections);
        Assert.Equal(third.Counts, fourth.Counts);
        Assert.Equal(CorpusFingerprint.Of(_corpus.Options.Roots).Text, KeptFingerprint());
    }

    [Fact]
    public void A_file_put_back_as_it_was_after_a_sync_that_wrote_it_is_noticed()
    {
        var path = Path.Combine(_corpus.Root, "03-rag-and-embeddings", "chunking.md");
        var (text, time) = (File.ReadAllText(path), File.GetLastWriteTimeUtc(path));
        StudyLibrary.SyncIndex(_corpus.Options);
        Assert.True(StudyLibrary.SyncIndex(_corpus.Options).NothingChanged);

        File.WriteAllText(path, text.Replace("overlap", "zebras with stripes", StringComparison.Ordinal));
        Assert.Equal(1, StudyLibrary.SyncIndex(_corpus.Options).Sync.Updated);

        // Now the files are again as the fingerprint kept before that sync lists them, but the index is not.
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, time);
        var back = StudyLibrary.SyncIndex(_corpus.Options);

        Assert.Equal((1, 1), (back.Sync.Updated, back.Sync.Parsed));
        using var library = StudyLibrary.Open(_corpus.Options);
        Assert.NotEmpty(library.Search(new SearchRequest("overlap")).Hits);
        Assert.Empty(library.Search(new SearchRequest("zebras")).Hits);
    }

    private string? KeptFingerprint()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_corpus.Options.IndexPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'fingerprint'";
        return command.ExecuteScalar() as string;
    }

    private void SpoilParses()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_corpus.Options.IndexPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE parses SET data = x'FF00'";
        Assert.Equal(3, command.ExecuteNonQuery());
    }

    public void Dispose() => _corpus.Dispose();
}
