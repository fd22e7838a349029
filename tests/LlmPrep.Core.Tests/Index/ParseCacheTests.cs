using LlmPrep.Core.Corpus;
using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Index;

/// <summary>A fresh process takes unchanged notes from the index's parse cache instead of reading and parsing them again.</summary>
public sealed class ParseCacheTests : IDisposable
{
    private const string VaultNote = """
        ---
        tags: [rag, vault]
        aliases: [hybrid]
        ---
        Text before the title.

        # Hybrid retrieval

        Lead paragraph about **BM25** and dense vectors, see [[notes/chunking#Overlap]] and [[missing-note]].

        ## Fusion

        Reciprocal rank fusion adds 1/(k + rank).

        ### Weights

        Weighted fusion needs tuned weights. #fusion

        ## Code

        ```python
        def rrf(ranks, k=60):
            return sum(1 / (k + r) for r in ranks)  # [[not-a-link]]
        ```

        #flashcards

        What does RRF add up? :: One over k plus the rank, per list.
        """;

    private readonly TempCorpus _corpus = new();

    public ParseCacheTests()
    {
        _corpus.WriteNote("01-foundations", "tokenization", "Tokenization", "Byte pair encoding merges frequent pairs.\n\n## Merges\n\nThe most frequent pair is merged first.");
        _corpus.WriteNote("01-foundations", "attention", "Attention", "Queries, keys and values.");
        _corpus.Write("notes/hybrid.md", VaultNote);
        _corpus.Write("notes/chunking.md", "# Chunking\n\n## Overlap\n\nChunks overlap by a sentence.\n");
    }

    [Fact]
    public void A_fresh_library_parses_no_unchanged_file()
    {
        using (var first = StudyLibrary.Open(_corpus.Options))
        {
            Assert.Equal(4, first.LastSync.Parsed);
        }

        using var second = StudyLibrary.Open(_corpus.Options);

        Assert.Equal(0, second.LastSync.Parsed);
        Assert.Equal(4, second.LastSync.Unchanged);
        Assert.Equal(0, second.Corpus.ParsedCount);
    }

    [Fact]
    public void A_fresh_library_parses_only_the_changed_file()
    {
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        _corpus.WriteNote("01-foundations", "attention", "Attention", "Softmax over scaled dot products.");
        using var second = StudyLibrary.Open(_corpus.Options);

        Assert.Equal(1, second.LastSync.Parsed);
        Assert.Equal((1, 3), (second.LastSync.Updated, second.LastSync.Unchanged));
        Assert.Contains("Softmax", second.Corpus.FindById("attention")!.Body, StringComparison.Ordinal);
        Assert.NotEmpty(second.Search(new SearchRequest("softmax")).Hits);
    }

    [Fact]
    public void A_cached_note_is_the_note_a_parse_gives()
    {
        var parsed = _corpus.Load();
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        using var library = StudyLibrary.Open(_corpus.Options);
        Assert.Equal(0, library.LastSync.Parsed);

        var cached = library.Corpus;
        Assert.Equal(Describe(parsed), Describe(cached));
        Assert.Equal(parsed.Problems.Select(p => p.ToString()), cached.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_cached_note_reads_its_text_from_the_file_once_released()
    {
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        using var library = StudyLibrary.Open(_corpus.Options);
        var note = library.Corpus.FindByPath("notes/hybrid")!;

        Assert.Equal("Reciprocal rank fusion adds 1/(k + rank).", note.FindSection("fusion")!.OwnText);
        Assert.StartsWith("Text before the title.", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_changed_but_not_yet_reloaded_serves_its_new_text()
    {
        using var library = StudyLibrary.Open(_corpus.Options);
        var note = library.Corpus.FindByPath("notes/chunking")!;

        _corpus.Write("notes/chunking.md", "# Chunking\n\nShort now.\n");
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Contains("Short now.", note.Body, StringComparison.Ordinal);
        Assert.NotNull(note.FindSection("overlap")!.Markdown);
    }

    [Fact]
    public void Unreadable_cache_entries_are_parsed_again()
    {
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_corpus.Options.IndexPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE parses SET data = x'FF00' WHERE id = (SELECT id FROM files WHERE key LIKE '%attention.md')";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using var library = StudyLibrary.Open(_corpus.Options);

        Assert.Equal(1, library.LastSync.Parsed);
        Assert.Equal("Attention", library.Corpus.FindById("attention")!.Title);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 300)]
    [InlineData(2048, 2 * 1024 * 1024)]
    public void Rows_read_in_batches_of_any_size_give_the_notes_a_parse_gives(int batchRows, int batchBytes)
    {
        // More rows than a small batch holds, and one row (forty cards) larger than a small batch's buffer.
        for (var i = 0; i < 12; i++)
        {
            _corpus.WriteNote("02-models", $"model-{i:D2}", $"Model {i}", $"Model {i} has {i} layers.\n\n## Size\n\nIt is small.");
        }

        var cards = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"How many heads does layer {i} have? :: Layer {i} has {i} heads, each of {64 * i} dimensions."));
        _corpus.Write("notes/heads.md", $"# Heads\n\n#flashcards\n\n{cards}\n");
        List<string> parsed;
        using (var first = StudyLibrary.Open(_corpus.Options))
        {
            parsed = Describe(first.Corpus);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_corpus.Options.IndexPath};Pooling=False");
        connection.Open();
        var loaded = CorpusLoader.Load(CorpusScan.Of(_corpus.Options.Roots), null, new LlmPrep.Core.Index.IndexParseCache(connection, batchRows, batchBytes));

        Assert.Equal(0, loaded.ParsedCount);
        Assert.Equal(17, loaded.CachedCount);
        Assert.Equal(40, loaded.FindByPath("notes/heads")!.Cards.Count);
        Assert.Equal(parsed, Describe(loaded));
    }

    private static List<string> Describe(CorpusSnapshot corpus) =>
        corpus.Notes.Select(n => string.Join(
            "\n",
            [
                n.Id, n.Title, n.Section, n.Level.ToString(), n.Priority.ToString(), n.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(",", n.Tags), string.Join(",", n.Aliases), n.Summary, n.Path, n.Body, n.Words.ToString(System.Globalization.CultureInfo.InvariantCulture),
                n.HasFrontMatter.ToString(),
                .. n.Sections.Select(s => $"{s.Anchor}|{s.Heading}|{s.Depth}|{s.Line}|{s.Markdown}|{s.OwnText}"),
                .. n.Cards.Select(c => $"{c.Id}|{c.NoteId}|{c.Question}|{c.Answer}|{string.Join(";", c.KeyPoints)}|{c.Line}"),
                .. n.Links.Select(l => $"{l.Target}|{l.Heading}|{l.Line}"),
            ])).ToList();

    public void Dispose() => _corpus.Dispose();
}
