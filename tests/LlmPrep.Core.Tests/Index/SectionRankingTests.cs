using LlmPrep.Core.Bench;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Index;
using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Tests.Index;

/// <summary>
/// The index's ranking function gives exactly FTS5's bm25() score for every matching row: every section of the bundled
/// corpus is put into an FTS5 table with the index's columns, tokenizer and contentless rows, and for many queries both
/// functions score every match, the second time from what the ranking keeps. And what it keeps is forgotten when the
/// index changes, through this connection or another.
/// </summary>
public sealed class SectionRankingTests : IDisposable
{
    private const string Weights = "10.0, 6.0, 8.0, 3.0, 1.0";

    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SectionRanking _ranking = new();
    private readonly TempCorpus _corpus = new();
    private long _rows;

    public SectionRankingTests()
    {
        _connection.Open();
        Execute("""
            CREATE VIRTUAL TABLE t USING fts5(title, heading, aliases, tags, body, content='', contentless_delete=1,
                tokenize='porter unicode61 remove_diacritics 2');
            """);
        foreach (var note in Corpus.Notes)
        {
            foreach (var section in note.Sections)
            {
                Add(SectionColumns.Of(note, section));
            }
        }

        Assert.True(_ranking.Register(_connection));
    }

    public static TheoryData<string> Queries()
    {
        var queries = new TheoryData<string>
        {
            "attention", "kv cache", "rag", "\"key value\"", "embed*", "tok*", "optimize", "lora -qlora", "what is attention",
            "transformer -attention", "\"fine tuning\"", "eval*", "a", "the of", "prompt injection defence", "zzqqx",
        };
        foreach (var query in BenchQueries.All)
        {
            queries.Add(query);
        }

        return queries;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Scores_equal_bm25_for_every_match_the_first_time_and_from_what_is_kept(string query)
    {
        var parsed = QueryParser.Parse(query);
        foreach (var match in new[] { parsed.ToMatch(all: true), parsed.ToMatch(all: false) })
        {
            var expected = Scores("bm25", match);
            Assert.Equal(expected, Ranked(match));
            Assert.Equal(expected.Count, _ranking.Scored);
            Assert.Equal(expected, Ranked(match));

            // Every row's length read in one pass from the column-size table instead of asked of FTS5 row by row.
            _ranking.Forget();
            _ranking.ReadLengths(_connection, "t", 5);
            Assert.Equal(expected, Ranked(match));
        }
    }

    [Fact]
    public void Rows_written_after_forgetting_are_scored_as_bm25_scores_them()
    {
        const string Match = "\"dense\"";
        Assert.NotEmpty(Ranked(Match));

        // Rows of other lengths under the same row ids, and more rows that hold the term.
        var changed = Scores("bm25", Match).Take(5).Select(s => s.Id).ToList();
        foreach (var id in changed)
        {
            Execute($"DELETE FROM t WHERE rowid = {id}");
            Execute($"INSERT INTO t(rowid, title, heading, aliases, tags, body) VALUES ({id}, 'Retrieval', '', '', '', '{string.Concat(Enumerable.Repeat("dense retrieval words ", (int)(id % 7) + 3))}')");
        }

        for (var i = 0; i < 20; i++)
        {
            Add(new SectionColumns("More retrieval", "", "", "", "sparse retrieval"));
        }

        _ranking.Forget();
        Assert.Equal(Scores("bm25", Match), Ranked(Match));
        _ranking.Forget();
        _ranking.ReadLengths(_connection, "t", 5);
        Assert.Equal(Scores("bm25", Match), Ranked(Match));
    }

    [Theory]
    [InlineData(new byte[] { 3, 0, 1, 0, 20 }, 24)]
    [InlineData(new byte[] { 0x81, 0x00, 0, 0, 0, 0x7f }, 255)]
    [InlineData(new byte[] { 0x82, 0x80, 0x01, 1, 1, 1, 1 }, 32769 + 4)]
    [InlineData(new byte[] { 1, 2, 3, 4 }, null)]
    [InlineData(new byte[] { 1, 2, 3, 4, 0x81 }, null)]
    public void A_column_size_blob_adds_up_its_five_varints(byte[] blob, int? total) =>
        Assert.Equal(total, SectionRanking.TotalTokens(blob, 5));

    [Fact]
    public void A_search_after_another_connection_changed_the_index_ranks_as_a_fresh_index_does()
    {
        for (var i = 0; i < 6; i++)
        {
            _corpus.WriteNote("03-rag-and-embeddings", $"retrieval-{i}", $"Retrieval {i}", $"## Part\n\nDense retrieval with chunk {i}.");
        }

        var before = _corpus.Load();
        using var serving = NoteIndex.Open(_corpus.Options.IndexPath);
        serving.Sync(before);
        var first = serving.Search(before, "\"dense\"", new IndexFilter(), 50, 0);
        Assert.Equal(6, first.Total);
        Assert.Equal(6, first.Rows.Count);

        // Another process edits the index: the last note's rows are written again, longer, under the row ids they had,
        // and two more notes hold the word.
        _corpus.WriteNote("03-rag-and-embeddings", "retrieval-5", "Retrieval 5", "## Part\n\n" + string.Concat(Enumerable.Repeat("Dense retrieval with many more words. ", 30)));
        _corpus.WriteNote("03-rag-and-embeddings", "retrieval-6", "Retrieval 6", "## Part\n\nDense again.");
        _corpus.WriteNote("03-rag-and-embeddings", "retrieval-7", "Retrieval 7", "## Part\n\nDense once more.");
        var after = _corpus.Load();
        using (var other = NoteIndex.Open(_corpus.Options.IndexPath))
        {
            Assert.True(other.Sync(after).Updated > 0);
        }

        var again = serving.Search(after, "\"dense\"", new IndexFilter(), 50, 0);
        using var fresh = NoteIndex.Open(_corpus.Options.IndexPath);
        var expected = fresh.Search(after, "\"dense\"", new IndexFilter(), 50, 0);

        Assert.Equal(8, expected.Total);
        Assert.Equal(8, expected.Rows.Count);
        Assert.Equal(expected.Total, again.Total);
        Assert.Equal(expected.Rows.Select(r => (r.NotePath, r.Anchor, r.Rank)), again.Rows.Select(r => (r.NotePath, r.Anchor, r.Rank)));
        Assert.NotEqual(first.Rows.Single(r => r.NoteId == "retrieval-0").Rank, again.Rows.Single(r => r.NoteId == "retrieval-0").Rank);
    }

    private List<(long Id, double Score)> Ranked(string match)
    {
        _ranking.Begin(MatchPhrase.Parse(match));
        return Scores(SectionRanking.Name, match);
    }

    private List<(long Id, double Score)> Scores(string function, string match)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT rowid, {function}(t, {Weights}) FROM t WHERE t MATCH $match ORDER BY rowid";
        command.Parameters.AddWithValue("$match", match);
        var scores = new List<(long, double)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            scores.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }

        return scores;
    }

    private void Add(SectionColumns row)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO t(rowid, title, heading, aliases, tags, body) VALUES ($id, $title, $heading, $aliases, $tags, $body)";
        command.Parameters.AddWithValue("$id", ++_rows);
        command.Parameters.AddWithValue("$title", row.Title);
        command.Parameters.AddWithValue("$heading", row.Heading);
        command.Parameters.AddWithValue("$aliases", row.Aliases);
        command.Parameters.AddWithValue("$tags", row.Tags);
        command.Parameters.AddWithValue("$body", row.Body);
        command.ExecuteNonQuery();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _ranking.Dispose();
        _corpus.Dispose();
    }
}
