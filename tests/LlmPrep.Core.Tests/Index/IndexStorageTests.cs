using LlmPrep.Core.Index;
using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Tests.Index;

/// <summary>The index file: no copy of the notes' text, rebuilt when foreign, outdated or left half-built.</summary>
public sealed class IndexStorageTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    public IndexStorageTests()
    {
        _corpus.WriteNote("03-rag-and-embeddings", "fusion", "Fusion", "Reciprocal rank fusion merges ranked lists from several retrievers.");
        _corpus.WriteNote("03-rag-and-embeddings", "rerank", "Reranking", "A cross-encoder can rank passages; fusion of scores comes later.");
    }

    [Fact]
    public void The_index_holds_no_copy_of_the_text()
    {
        using (var library = StudyLibrary.Open(_corpus.Options))
        {
            Assert.NotEmpty(library.Search(new SearchRequest("retrievers")).Hits);
        }

        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(_corpus.Options.IndexPath);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("merges ranked lists from several", text, StringComparison.Ordinal);
        Assert.DoesNotContain("A cross-encoder can rank passages", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Phrases_stay_exact_and_snippets_mark_the_match()
    {
        using var library = StudyLibrary.Open(_corpus.Options);

        var phrase = library.Search(new SearchRequest("\"rank fusion\""));
        var words = library.Search(new SearchRequest("rank fusion"));

        Assert.Equal(["fusion"], phrase.Hits.Select(h => h.NoteId).Distinct());
        Assert.Contains("Reciprocal **rank fusion** merges", phrase.Hits[0].Snippet, StringComparison.Ordinal);
        Assert.Equal(["fusion", "rerank"], words.Hits.Select(h => h.NoteId).Distinct().Order());
    }

    [Fact]
    public void Prefix_queries_find_words_without_a_prefix_index()
    {
        using var library = StudyLibrary.Open(_corpus.Options);

        var hits = library.Search(new SearchRequest("recipro*")).Hits;

        Assert.Equal("fusion", Assert.Single(hits).NoteId);
        Assert.Contains("**Reciprocal**", hits[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_database_is_rebuilt()
    {
        Directory.CreateDirectory(_corpus.DataDirectory);
        Run("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES ('someone else''s data');");

        using var library = StudyLibrary.Open(_corpus.Options);

        Assert.True(library.LastSync.Rebuilt);
        Assert.Equal(2, library.LastSync.Added);
        Assert.NotEmpty(library.Search(new SearchRequest("retrievers")).Hits);
    }

    [Fact]
    public void An_index_of_an_older_schema_is_rebuilt()
    {
        Directory.CreateDirectory(_corpus.DataDirectory);
        Run("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO meta VALUES ('schema', '5');"
            + "CREATE TABLE files(key TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash TEXT NOT NULL);");

        using var library = StudyLibrary.Open(_corpus.Options);

        Assert.True(library.LastSync.Rebuilt);
        Assert.Equal(2, library.LastSync.Added);
    }

    [Fact]
    public void A_build_that_never_finished_is_started_over()
    {
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        // A build stopped part way has not written its schema mark, which is written last.
        Run("DELETE FROM meta WHERE key = 'schema'");

        using var library = StudyLibrary.Open(_corpus.Options);

        Assert.True(library.LastSync.Rebuilt);
        Assert.Equal((2, 2), (library.LastSync.Added, library.LastSync.Parsed));
    }

    [Fact]
    public void The_index_stays_in_step_after_edits_and_deletes()
    {
        using var library = StudyLibrary.Open(_corpus.Options);
        for (var i = 0; i < 3; i++)
        {
            _corpus.WriteNote("03-rag-and-embeddings", "fusion", "Fusion", $"Round {i}: weighted fusion with tuned coefficients.");
            library.Reload();
        }

        File.Delete(Path.Combine(_corpus.Root, "03-rag-and-embeddings", "rerank.md"));
        library.Reload();

        Assert.Empty(library.Search(new SearchRequest("merges")).Hits);
        Assert.Empty(library.Search(new SearchRequest("encoder")).Hits);
        Assert.Empty(library.Search(new SearchRequest("\"round 1\"")).Hits);
        Assert.Equal("fusion", Assert.Single(library.Search(new SearchRequest("coefficients")).Hits).NoteId);
        Run("INSERT INTO sections_fts(sections_fts) VALUES ('integrity-check')");
    }

    private void Run(string sql)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={_corpus.Options.IndexPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _corpus.Dispose();
}
