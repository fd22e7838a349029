using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Tests.Index;

/// <summary>
/// A build from nothing writes each file while the rest are still being parsed; what it indexes is what a sync of the
/// loaded corpus into an index that already holds part of it indexes, a skipped note included.
/// </summary>
public sealed class FullBuildTests : IDisposable
{
    private static readonly string[] Queries =
    [
        "attention", "softmax", "chunk*", "retrieval -softmax", "\"scaled dot\"", "question", "embedding vectors", "zebra",
    ];

    private readonly TempCorpus _fresh = new();
    private readonly TempCorpus _grown = new();

    [Fact]
    public void A_full_build_indexes_what_a_sync_of_the_loaded_corpus_indexes()
    {
        // More files than are made ready on the writing thread, so the build overlaps the parse.
        var notes = Enumerable.Range(0, 150).Select(Note).ToList();
        _grown.Write(notes[0].Path, notes[0].Text);
        Assert.Equal(1, StudyLibrary.SyncIndex(_grown.Options).Sync.Added);
        foreach (var (path, text) in notes)
        {
            _fresh.Write(path, text);
            if (path != notes[0].Path)
            {
                _grown.Write(path, text);
            }
        }

        using var built = StudyLibrary.Open(_fresh.Options);
        using var synced = StudyLibrary.Open(_grown.Options);

        Assert.True(built.LastSync.Rebuilt);
        Assert.Equal((150, 0, 150), (built.LastSync.Added, built.LastSync.Unchanged, built.LastSync.Parsed));
        Assert.Equal((149, 1), (synced.LastSync.Added, synced.LastSync.Unchanged));
        Assert.Equal(synced.LastSync.Sections, built.LastSync.Sections);
        Assert.Equal(built.Corpus.Notes.Sum(n => n.Sections.Count), built.LastSync.Sections);
        foreach (var query in Queries)
        {
            var expected = synced.Search(new SearchRequest(query) { Limit = 50 });
            var actual = built.Search(new SearchRequest(query) { Limit = 50 });
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.Hits, actual.Hits);
        }
    }

    [Fact]
    public void A_note_skipped_for_a_taken_id_is_not_indexed_by_a_full_build()
    {
        var notes = Enumerable.Range(0, 100).Select(Note).ToList();
        foreach (var (path, text) in notes)
        {
            _fresh.Write(path, text);
        }

        // Sorts after the note whose id it repeats, so the loader skips it; its text is found nowhere else.
        _fresh.Write("02-models/zz-copy.md", Notes.Valid("02-models", "note-007", "Zebra Copy", "Zebra stripes confuse the retriever."));

        using var built = StudyLibrary.Open(_fresh.Options);

        Assert.Equal(101, built.LastSync.Added);
        Assert.Equal(0, built.Search(new SearchRequest("zebra")).Total);
        Assert.Equal(built.Corpus.Notes.Sum(n => n.Sections.Count), built.LastSync.Sections);
        Assert.Single(built.Search(new SearchRequest("\"note 7 text\"")).Hits);
    }

    [Fact]
    public void A_full_build_leaves_the_tables_and_indexes_a_sync_leaves_and_edits_replace_its_rows()
    {
        var notes = Enumerable.Range(0, 100).Select(Note).ToList();
        _grown.Write(notes[0].Path, notes[0].Text);
        Assert.Equal(1, StudyLibrary.SyncIndex(_grown.Options).Sync.Added);
        foreach (var (path, text) in notes)
        {
            _fresh.Write(path, text);
            _grown.Write(path, text);
        }

        Assert.True(StudyLibrary.SyncIndex(_fresh.Options).Sync.Rebuilt);
        Assert.Equal(99, StudyLibrary.SyncIndex(_grown.Options).Sync.Added);
        Assert.Equal(SchemaOf(_grown.Options.IndexPath), SchemaOf(_fresh.Options.IndexPath));

        // Rows written by the build are found and replaced by a later sync: no old section is left behind.
        _fresh.Write(notes[42].Path, Notes.Valid("02-models", "note-042", "Topic 42", "Quokkas replaced this note."));
        using var edited = StudyLibrary.Open(_fresh.Options);
        Assert.Equal(1, edited.LastSync.Updated);
        Assert.Equal(0, edited.Search(new SearchRequest("\"note 42 text\"")).Total);
        Assert.Single(edited.Search(new SearchRequest("quokkas")).Hits);
        Assert.Equal(edited.Corpus.Notes.Sum(n => n.Sections.Count), edited.LastSync.Sections);
    }

    public void Dispose()
    {
        _fresh.Dispose();
        _grown.Dispose();
    }

    /// <summary>The index file's tables and indexes as created (ordered by name).</summary>
    private static List<string> SchemaOf(string indexPath)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={indexPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY name";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static (string Path, string Text) Note(int i)
    {
        var id = $"note-{i:D3}";
        var body = (i % 3) switch
        {
            0 => $"Attention is softmax over scaled dot products. Note {i} text.",
            1 => $"Chunking splits documents for retrieval; chunks overlap. Note {i} text.",
            _ => $"Embedding vectors are compared by cosine similarity. Note {i} text.",
        };
        return ($"02-models/{id}.md", Notes.Valid("02-models", id, $"Topic {i}", body, cards: 1 + (i % 3)));
    }
}
