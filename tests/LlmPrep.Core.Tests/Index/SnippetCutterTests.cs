using System.Text;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Index;
using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Tests.Index;

/// <summary>
/// Snippets and terms made in C# are the ones FTS5 itself makes: every section of the bundled corpus is put into an
/// FTS5 table with the index's columns and tokenizer, and for many queries FTS5's snippet() is compared with
/// <see cref="SnippetCutter"/>, and FTS5's own terms with <see cref="FtsTokenizer"/>'s.
/// </summary>
public sealed class SnippetCutterTests : IDisposable
{
    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly List<SectionColumns> _rows = [];

    public SnippetCutterTests()
    {
        _connection.Open();
        Execute("""
            CREATE VIRTUAL TABLE t USING fts5(title, heading, aliases, tags, body, tokenize='porter unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');
            """);
        foreach (var note in Corpus.Notes)
        {
            foreach (var section in note.Sections)
            {
                Add(SectionColumns.Of(note, section));
            }
        }

        // Text beyond plain English: accents, ligatures, other scripts, marks, digits, underscores and symbols.
        Add(new SectionColumns("Café naïve résumé", "Müller's ÉCOLE of Ångström", "straße, œuvre, ﬁle", "東京, Ελληνικά",
            "A cafe\u0301 where the naive e\u0301cole meets snake_case and don’t, x² ½ Ⅻ 🚀 İstanbul ǖ ĳ. Ο Δήμος: ΣΟΦΙΑ σοφία."));
        Add(new SectionColumns("", "", "", "", "   "));
        Add(new SectionColumns("Only a title about caching", "", "", "", ""));
    }

    public static TheoryData<string> Queries => new()
    {
        "attention", "kv cache", "rag", "\"key value\"", "embed*", "tok*", "optimize", "behavior", "lora -qlora",
        "retrieval augmented generation", "what is attention", "transformer -attention", "bm25", "hnsw graphs",
        "prompt injection defence", "fine tuning", "\"fine tuning\"", "eval*", "cafe", "naive", "ecole", "muller",
        "angstrom", "strasse", "東京", "snake", "don", "istanbul", "σοφια", "caching", "a", "the of",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Snippets_equal_fts5_snippets_for_typed_queries(string query)
    {
        var parsed = QueryParser.Parse(query);

        Compare(parsed.ToMatch(all: true));
        Compare(parsed.ToMatch(all: false));
    }

    [Fact]
    public void Snippets_equal_fts5_snippets_for_words_prefixes_and_phrases_drawn_from_the_corpus()
    {
        var words = _rows.SelectMany(r => Words(r.Body)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var queries = new List<string>();
        for (var i = 0; i < words.Count; i += Math.Max(1, words.Count / 150))
        {
            var word = words[i];
            queries.Add(word);
            queries.Add(word[..Math.Min(word.Length, 4)] + "*");
            queries.Add(word + " " + words[(i * 7 + 3) % words.Count]);
        }

        for (var i = 0; i < _rows.Count; i += Math.Max(1, _rows.Count / 60))
        {
            var body = Words(_rows[i].Body).ToList();
            if (body.Count > 3)
            {
                queries.Add($"\"{body[body.Count / 2]} {body[body.Count / 2 + 1]}\"");
                queries.Add($"{body[1]} {body[^1]} -{body[0]}");
            }
        }

        var compared = queries.Sum(q => Compare(QueryParser.Parse(q).ToMatch(all: true)) + Compare(QueryParser.Parse(q).ToMatch(all: false)));

        Assert.True(compared > 2_000, $"only {compared} snippets compared");
    }

    [Fact]
    public void Terms_equal_the_terms_fts5_indexes()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT doc, col, term FROM v ORDER BY doc, col, offset";
        var expected = new Dictionary<(long, int), List<string>>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (reader.GetInt64(0), Array.IndexOf(ColumnNames, reader.GetString(1)));
                if (!expected.TryGetValue(key, out var terms))
                {
                    expected[key] = terms = [];
                }

                terms.Add(reader.GetString(2));
            }
        }

        for (var doc = 0; doc < _rows.Count; doc++)
        {
            var columns = Columns(_rows[doc]);
            for (var col = 0; col < columns.Length; col++)
            {
                var actual = FtsTokenizer.Terms(columns[col]).ConvertAll(t => Encoding.UTF8.GetString(t.Select(c => (byte)c).ToArray()));
                Assert.Equal(expected.GetValueOrDefault((doc + 1L, col), []), actual);
            }
        }
    }

    /// <summary>Compares every row <paramref name="match"/> finds; returns how many.</summary>
    private int Compare(string match)
    {
        var cutter = new SnippetCutter(match);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid, snippet(t, 4, char(2), char(3), '…', 24), snippet(t, -1, char(2), char(3), '…', 24) FROM t WHERE t MATCH $match";
        command.Parameters.AddWithValue("$match", match);
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            var body = reader.GetString(1);
            var expected = body.AsSpan().Trim("… \n").Length > 0 ? body : reader.GetString(2);
            var actual = cutter.Cut(_rows[(int)reader.GetInt64(0) - 1]);
            Assert.True(expected == actual, $"{match}\nexpected: {expected}\nactual:   {actual}");
            count++;
        }

        return count;
    }

    private void Add(SectionColumns columns)
    {
        _rows.Add(columns);
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO t(rowid, title, heading, aliases, tags, body) VALUES ($id, $title, $heading, $aliases, $tags, $body)";
        command.Parameters.AddWithValue("$id", _rows.Count);
        command.Parameters.AddWithValue("$title", columns.Title);
        command.Parameters.AddWithValue("$heading", columns.Heading);
        command.Parameters.AddWithValue("$aliases", columns.Aliases);
        command.Parameters.AddWithValue("$tags", columns.Tags);
        command.Parameters.AddWithValue("$body", columns.Body);
        command.ExecuteNonQuery();
    }

    private static readonly string[] ColumnNames = ["title", "heading", "aliases", "tags", "body"];

    private static string[] Columns(SectionColumns c) => [c.Title, c.Heading, c.Aliases, c.Tags, c.Body];

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 1);

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
