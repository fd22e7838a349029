using System.Diagnostics;
using System.Text;
using LlmPrep.Core.Corpus;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Index;

/// <summary>
/// The full-text index: a disposable SQLite FTS5 cache of the corpus, one row per note section.
/// Section text is stored once, in <c>sections</c>; <c>sections_fts</c> is an external-content FTS5
/// table over it. Sync touches only new, changed and removed files. A missing, corrupt or outdated
/// index file is rebuilt, never an error. Not thread-safe on its own: callers serialise access.
/// </summary>
public sealed class NoteIndex : IDisposable
{
    /// <summary>Bump when the schema, the parse cache's format or the way notes are split into rows changes: old files are rebuilt.</summary>
    public const string SchemaVersion = "10";

    // files holds one row per markdown file: its stamp (size, time, hash) and the note fields search results and filters
    // need; parses holds its parse (the parse cache: a note's fields and where each section's text lies, without the
    // text) apart, so reading every stamp to find what changed reads small rows only.
    // sections_fts is a contentless FTS5 table (rowid = sections.id): the index holds no copy of the text at all, the
    // notes are the text. Snippets for a page of results are cut from the notes' text by SnippetCutter, which tokenizes
    // and marks it as FTS5's snippet() would. No prefix indexes: prefix queries scan the term range.
    private const string Schema = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE files(
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            mtime INTEGER NOT NULL,
            hash TEXT NOT NULL,
            note_id TEXT NOT NULL,
            note_path TEXT NOT NULL,
            note_title TEXT NOT NULL,
            section TEXT NOT NULL,
            level TEXT NOT NULL,
            priority TEXT NOT NULL,
            tag_list TEXT NOT NULL);
        CREATE TABLE parses(id INTEGER PRIMARY KEY, data BLOB NOT NULL);
        CREATE TABLE sections(id INTEGER PRIMARY KEY, file INTEGER NOT NULL, anchor TEXT NOT NULL, heading TEXT NOT NULL);
        CREATE INDEX sections_file ON sections(file);
        -- rank is bm25 with column weights: title, heading (the summary on a note's lead row), aliases, tags, body.
        CREATE VIRTUAL TABLE sections_fts USING fts5(
            title, heading, aliases, tags, body,
            content='', contentless_delete=1,
            tokenize='porter unicode61 remove_diacritics 2');
        INSERT INTO sections_fts(sections_fts, rank) VALUES ('rank', 'bm25(10.0, 6.0, 8.0, 3.0, 1.0)');
        """;

    /// <summary>The meta key of the fingerprint of the files the index was last found in line with (see <see cref="CorpusFingerprint"/>).</summary>
    private const string FingerprintKey = "fingerprint";

    /// <summary>
    /// Ends every transaction that writes files: the schema mark (written last, so an interrupted build is started
    /// over), and the kept fingerprint forgotten, since the files no longer are what it lists.
    /// </summary>
    private const string FilesWritten =
        $"INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', '{SchemaVersion}'); DELETE FROM meta WHERE key = '{FingerprintKey}';";

    /// <summary>The FTS5 table's columns: title, heading, aliases, tags, body.</summary>
    private const int Columns = 5;

    /// <summary>The bm25 column weights of the rank setting above: title, heading, aliases, tags, body.</summary>
    private const string RankWeights = "10.0, 6.0, 8.0, 3.0, 1.0";

    private readonly string _path;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteConnection _connection;

    /// <summary>Whether the connection has the search page cache (<see cref="CacheKibibytes"/>) yet.</summary>
    private bool _searchCache;

    /// <summary>Ranks searches; registered on the connection at its first search (<see cref="_ranked"/>).</summary>
    private readonly SectionRanking _ranking = new();

    private bool _ranked;

    /// <summary>The file's <c>PRAGMA data_version</c> when the ranking last looked: another connection's write changes it.</summary>
    private long _dataVersion = -1;

    private NoteIndex(string path, SqliteConnection connection, bool rebuilt)
    {
        _path = path;
        _connection = connection;
        WasRebuilt = rebuilt;
    }

    /// <summary>True when opening found no usable index and created a new one.</summary>
    public bool WasRebuilt { get; private set; }

    /// <summary>Opens the index at <paramref name="path"/> (":memory:" for an in-memory index), creating or rebuilding it as needed.</summary>
    public static NoteIndex Open(string path)
    {
        if (path != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }

        try
        {
            var connection = Connect(path);
            if (IsCurrent(connection))
            {
                return new NoteIndex(path, connection, false);
            }

            connection.Dispose();
        }
        catch (SqliteException)
        {
            // Not a database, or damaged: the index is a cache, so it is rebuilt below.
        }

        return new NoteIndex(path, CreateFresh(path), true);
    }

    /// <summary>
    /// Brings the index in line with the corpus: only new, changed and removed files are written, in one transaction.
    /// The parse of each written file is kept with it, so a later run can take it instead of parsing the file again.
    /// </summary>
    public SyncReport Sync(CorpusSnapshot corpus)
    {
        try
        {
            return SyncCore(corpus);
        }
        catch (SqliteException) when (_path != ":memory:")
        {
            // Corrupted under us (disk error, truncated file): start over from the files.
            StartOver();
            return SyncCore(corpus);
        }
    }

    /// <summary>
    /// The parses kept by earlier syncs, for <see cref="CorpusLoader"/> to take instead of parsing unchanged files.
    /// An unreadable index fills nothing (every file is parsed, and the sync rebuilds the index).
    /// </summary>
    internal IParseCache ParseCache => new IndexParseCache(_connection);

    /// <summary>
    /// True when the index is of this schema and holds exactly the scanned files with their sizes and times. Then the
    /// scan's fingerprint is kept, for <see cref="HasFingerprint"/> to tell the same next time without reading the rows.
    /// </summary>
    internal bool Matches(CorpusScan scan)
    {
        if (WasRebuilt || !IndexStamps.Match(_connection, scan))
        {
            return false;
        }

        KeepFingerprint(CorpusFingerprint.Of(scan));
        return true;
    }

    /// <summary>
    /// True when the index is of this schema and its files were last found exactly as <paramref name="fingerprint"/>
    /// lists them. Any write to the files forgets the kept fingerprint, so this is never true of a stale one.
    /// </summary>
    internal bool HasFingerprint(CorpusFingerprint fingerprint) => !WasRebuilt && ReadMeta(FingerprintKey) == fingerprint.Text;

    private void KeepFingerprint(CorpusFingerprint fingerprint)
    {
        try
        {
            if (ReadMeta(FingerprintKey) != fingerprint.Text)
            {
                using var write = _connection.CreateCommand();
                write.CommandText = "INSERT OR REPLACE INTO meta(key, value) VALUES ($key, $value)";
                write.Parameters.AddWithValue("$key", FingerprintKey);
                write.Parameters.AddWithValue("$value", fingerprint.Text);
                write.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // A read-only index still serves; its rows are compared again next time.
        }
    }

    /// <summary>The value kept in the index's meta table under <paramref name="key"/>, or null (also when it cannot be read).</summary>
    private string? ReadMeta(string key)
    {
        try
        {
            using var read = _connection.CreateCommand();
            read.CommandText = "SELECT value FROM meta WHERE key = $key";
            read.Parameters.AddWithValue("$key", key);
            return read.ExecuteScalar() as string;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>The corpus counts kept by the last sync that loaded the notes, or null when none are kept.</summary>
    public CorpusCounts? ReadCounts() => CorpusCounts.Parse(ReadMeta("counts"));

    /// <summary>
    /// Keeps the counts of the corpus the index was just synced with (writes only when they differ from those kept);
    /// null forgets them, for a corpus whose counts depend on more than its files (a root folder that is missing).
    /// </summary>
    internal void KeepCounts(CorpusCounts? counts)
    {
        try
        {
            if (ReadCounts() != counts)
            {
                Execute(_connection, counts is null
                    ? "DELETE FROM meta WHERE key = 'counts'"
                    : $"INSERT OR REPLACE INTO meta(key, value) VALUES ('counts', '{counts.ToText()}')");
            }
        }
        catch (SqliteException)
        {
            // A read-only index still serves; the next sync that can write keeps the counts.
        }
    }

    /// <summary>The report of a sync that found nothing to do (see <see cref="Matches"/>).</summary>
    internal SyncReport Unchanged(int files, TimeSpan elapsed) => new(0, 0, 0, 0, files, false, SectionCount(), elapsed);

    /// <summary>Runs an FTS5 MATCH expression (built by the search layer, never raw user text).</summary>
    /// <param name="corpus">The notes the index was synced with: the source of the page's snippets.</param>
    public (IReadOnlyList<IndexRow> Rows, int Total) Search(CorpusSnapshot corpus, string match, IndexFilter filter, int limit, int offset)
    {
        // The ranking reads every row's length first (once), through the small cache: a search never reads those pages.
        var phrases = MatchPhrase.Parse(match);
        var ranking = UseRanking(phrases);
        UseSearchCache();
        var parameters = new List<(string, object)> { ("$limit", limit), ("$offset", offset) };
        var where = Where(parameters, match, filter);

        // Rank first and cut the page, then cut snippets for that page only. The ranking function called directly ranks
        // as the table's rank setting does, without FTS5 running the query a second time in a nested statement to sort it.
        var command = Prepared($"""
            WITH page AS (
                SELECT sections_fts.rowid AS id, {ranking}(sections_fts, {RankWeights}) AS score
                FROM sections_fts {(filter.IsEmpty ? "" : "JOIN sections s ON s.id = sections_fts.rowid JOIN files n ON n.id = s.file")}
                WHERE {where}
                ORDER BY score
                LIMIT $limit OFFSET $offset)
            SELECT page.id, n.note_id, n.note_path, n.note_title, s.anchor, s.heading, n.section, n.level, n.priority, page.score
            FROM page
            JOIN sections s ON s.id = page.id
            JOIN files n ON n.id = s.file
            ORDER BY page.score
            """, parameters);

        var page = new List<(long Id, IndexRow Row)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                page.Add((reader.GetInt64(0), new IndexRow(
                    reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetString(6), reader.GetString(7), reader.GetString(8), "", reader.GetDouble(9))));
            }
        }

        var snippets = Snippets(corpus, phrases, page);
        var rows = page.Select(p => p.Row with { Snippet = snippets.GetValueOrDefault(p.Id, "") }).ToList();

        // A first page that is not full holds every match; otherwise the ranking scored every match, or counting
        // (without ranking) gives the total.
        return (rows, offset == 0 && rows.Count < limit ? rows.Count : _ranked ? _ranking.Scored : Count(match, filter));
    }

    /// <summary>
    /// The ranking function for a search over <paramref name="phrases"/>: <see cref="SectionRanking"/>, registered on the
    /// connection at its first search and told to forget what it keeps when another connection changed the file, or
    /// FTS5's own bm25() when it cannot be registered.
    /// </summary>
    private string UseRanking(List<MatchPhrase> phrases)
    {
        if (!_ranked)
        {
            _ranked = _ranking.Register(_connection);
            if (!_ranked)
            {
                return "bm25";
            }
        }

        var version = Convert.ToInt64(Prepared("PRAGMA data_version", []).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version != _dataVersion)
        {
            _ranking.Forget();
            _dataVersion = version;
        }

        _ranking.ReadLengths(_connection, "sections_fts", Columns);
        _ranking.Begin(phrases);
        return SectionRanking.Name;
    }

    /// <summary>Cuts each page row's snippet from its section's text, as FTS5's snippet() would over the index's columns.</summary>
    private static Dictionary<long, string> Snippets(CorpusSnapshot corpus, List<MatchPhrase> phrases, List<(long Id, IndexRow Row)> page)
    {
        var snippets = new Dictionary<long, string>();
        if (page.Count == 0)
        {
            return snippets;
        }

        var cutter = new SnippetCutter(phrases);
        foreach (var (id, row) in page)
        {
            var note = corpus.FindByPath(row.NotePath);
            if (note?.FindSection(row.Anchor) is { } section)
            {
                snippets[id] = cutter.Cut(SectionColumns.Of(note, section));
            }
        }

        return snippets;
    }

    /// <summary>How many sections match, without ranking them.</summary>
    public int Count(string match, IndexFilter filter)
    {
        UseSearchCache();
        var parameters = new List<(string, object)>();
        var where = Where(parameters, match, filter);
        var command = Prepared(filter.IsEmpty
            ? $"SELECT count(*) FROM sections_fts WHERE {where}"
            : $"SELECT count(*) FROM sections_fts JOIN sections s ON s.id = sections_fts.rowid JOIN files n ON n.id = s.file WHERE {where}", parameters);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A cached prepared command for <paramref name="sql"/> with these parameter values (searches reuse a handful of shapes).</summary>
    private SqliteCommand Prepared(string sql, List<(string Name, object Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static string Where(List<(string, object)> parameters, string match, IndexFilter filter)
    {
        var where = new StringBuilder("sections_fts MATCH $match");
        parameters.Add(("$match", match));
        AddIn(where, parameters, "n.section", "sec", filter.Sections);
        AddIn(where, parameters, "n.level", "lvl", filter.Levels);
        AddIn(where, parameters, "n.priority", "pri", filter.Priorities);
        for (var i = 0; i < filter.Tags.Count; i++)
        {
            where.Append(System.Globalization.CultureInfo.InvariantCulture, $" AND n.tag_list LIKE $tag{i} ESCAPE '\\'");
            parameters.Add(($"$tag{i}", "% " + EscapeLike(filter.Tags[i].ToLowerInvariant()) + " %"));
        }

        return where.ToString();
    }

    public int SectionCount()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sections";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        DisposeCommands();
        _connection.Dispose();
        _ranking.Dispose();
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }

    private SyncReport SyncCore(CorpusSnapshot corpus)
    {
        var clock = Stopwatch.StartNew();
        var known = new Dictionary<string, (long Size, long Mtime, string Hash)>(StringComparer.Ordinal);
        using (var read = _connection.CreateCommand())
        {
            read.CommandText = "SELECT key, size, mtime, hash FROM files";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                known[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3));
            }
        }

        // Building from nothing: the index is a cache rebuilt on any fault, so it is written without a journal and
        // without waiting for the disk; the schema mark is written last, so an interrupted build is started over.
        var bulk = known.Count == 0 && corpus.Files.Count > 0;
        if (!bulk && !WasRebuilt && IsUnchanged(corpus.Files, known))
        {
            // Nothing to write: no transaction, so a fresh process that finds nothing changed writes nothing.
            return new SyncReport(0, 0, 0, 0, corpus.Files.Count, false, SectionCount(), clock.Elapsed);
        }

        if (bulk)
        {
            BeginBulk();
        }

        int added = 0, updated = 0, touched = 0, unchanged = 0, removed = 0;
        using (var transaction = _connection.BeginTransaction())
        {
            if (bulk)
            {
                DropSectionsFileIndex(transaction);
            }

            var statements = new Statements(_connection, transaction);
            var writes = new List<(NoteFile File, bool Replaces, ParsedFile? Parse)>();
            foreach (var file in corpus.Files)
            {
                if (known.Remove(file.Key, out var stamp))
                {
                    if (stamp.Size == file.Size && stamp.Mtime == file.ModifiedTicks)
                    {
                        unchanged++;
                        continue;
                    }

                    if (stamp.Hash == file.Hash)
                    {
                        statements.Touch(file);
                        touched++;
                        continue;
                    }

                    updated++;
                    writes.Add((file, true, corpus.Parses.GetValueOrDefault(file.Key)));
                }
                else
                {
                    added++;
                    writes.Add((file, false, corpus.Parses.GetValueOrDefault(file.Key)));
                }
            }

            using (var prepared = new PreparedFiles(writes, writes.Count >= PreparedFiles.Overlapped))
            {
                foreach (var file in prepared.InOrder())
                {
                    statements.Write(file);
                }
            }

            foreach (var gone in known.Keys)
            {
                statements.DeleteSections(gone);
                statements.DeleteFile(gone);
                removed++;
            }

            if (bulk)
            {
                FinishBulk(transaction);
            }

            Execute(_connection, FilesWritten, transaction);
            transaction.Commit();
            _ranking.Forget();
        }

        if (bulk)
        {
            EndBulk();
        }

        return new SyncReport(added, updated, touched, removed, unchanged, WasRebuilt, SectionCount(), clock.Elapsed);
    }

    /// <summary>
    /// Builds the index from nothing while <paramref name="load"/> reads and parses the corpus: each file is written as
    /// soon as it and the files before it are parsed, so the index's single writing thread starts at once instead of
    /// after the last parse. Returns the loaded corpus, the sync's report and when the load was done.
    /// </summary>
    /// <param name="fileCount">How many files the load parses (its scan's files).</param>
    /// <param name="load">Loads the corpus, telling the callback of each file's parse with its place in the scan.</param>
    internal (CorpusSnapshot Corpus, SyncReport Sync, TimeSpan LoadTime) Build(int fileCount, Func<Action<int, ParsedFile>, CorpusSnapshot> load)
    {
        var clock = Stopwatch.StartNew();
        var feed = new ParseFeed(fileCount);
        var loading = Task.Run(() =>
        {
            try
            {
                return (Corpus: load(feed.Put), Elapsed: clock.Elapsed);
            }
            finally
            {
                feed.Complete();
            }
        });

        try
        {
            var sync = BuildCore(feed, loading, clock);
            var (corpus, loadTime) = loading.GetAwaiter().GetResult();
            return (corpus, sync, loadTime);
        }
        catch (SqliteException) when (_path != ":memory:")
        {
            // Corrupted under us: start over from the loaded notes, as Sync does.
            var (corpus, loadTime) = loading.GetAwaiter().GetResult();
            StartOver();
            return (corpus, SyncCore(corpus), loadTime);
        }
    }

    /// <summary>True when the index holds no file at all (a full build writes it from nothing).</summary>
    internal bool IsEmpty()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM files)";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private SyncReport BuildCore(ParseFeed feed, Task<(CorpusSnapshot Corpus, TimeSpan Elapsed)> loading, Stopwatch clock)
    {
        BeginBulk();
        CorpusSnapshot corpus;
        using (var transaction = _connection.BeginTransaction())
        {
            DropSectionsFileIndex(transaction);
            var statements = new Statements(_connection, transaction);
            var fed = new NoteFile?[feed.Count];
            IEnumerable<(NoteFile File, bool Replaces, ParsedFile? Parse)> Fed()
            {
                for (var i = 0; i < feed.Count; i++)
                {
                    if (feed.Take(i) is not { } parsed)
                    {
                        yield break;
                    }

                    fed[i] = parsed.File;
                    yield return (parsed.File, false, parsed);
                }
            }

            using (var prepared = new PreparedFiles(Fed(), feed.Count >= PreparedFiles.Overlapped))
            {
                foreach (var file in prepared.InOrder())
                {
                    statements.Write(file);
                }
            }

            // A failed load ends the feed early and fails here. Once loaded, a note the loader skipped (its id or path
            // taken by an earlier one) was written as parsed: its file is written again as the corpus holds it.
            corpus = loading.GetAwaiter().GetResult().Corpus;
            CreateSectionsFileIndex(transaction);
            var skipped = corpus.Files
                .Where((file, i) => !ReferenceEquals(file, fed[i]))
                .Select(file => (file, true, corpus.Parses.GetValueOrDefault(file.Key)))
                .ToList();
            using (var prepared = new PreparedFiles(skipped, false))
            {
                foreach (var file in prepared.InOrder())
                {
                    statements.Write(file);
                }
            }

            FinishBulk(transaction);
            Execute(_connection, FilesWritten, transaction);
            transaction.Commit();
            _ranking.Forget();
        }

        EndBulk();
        return new SyncReport(corpus.Files.Count, 0, 0, 0, 0, WasRebuilt, SectionCount(), clock.Elapsed);
    }

    /// <summary>
    /// Building from nothing: the index is a cache rebuilt on any fault, so it is written without a journal and without
    /// waiting for the disk (the schema mark is written last, so an interrupted build is started over). Fewer merges
    /// while inserting, and a large in-memory term buffer that writes a few large segments instead of one per megabyte
    /// of text.
    /// </summary>
    private void BeginBulk() =>
        Execute(_connection, "PRAGMA synchronous=OFF; PRAGMA journal_mode=OFF; PRAGMA cache_size=-65536;"
            + "INSERT INTO sections_fts(sections_fts, rank) VALUES ('automerge', 8);"
            + $"INSERT INTO sections_fts(sections_fts, rank) VALUES ('hashsize', {BulkHashSize});");

    /// <summary>
    /// A full build writes the sections without their index by file, and sorts it once at the end
    /// (<see cref="CreateSectionsFileIndex"/>) instead of keeping it up to date row by row.
    /// </summary>
    private void DropSectionsFileIndex(SqliteTransaction transaction) =>
        Execute(_connection, "DROP INDEX IF EXISTS sections_file", transaction);

    private void CreateSectionsFileIndex(SqliteTransaction transaction) =>
        Execute(_connection, "CREATE INDEX IF NOT EXISTS sections_file ON sections(file)", transaction);

    /// <summary>After a full build's transaction: the connection's settings for edits again.</summary>
    private void EndBulk()
    {
        Execute(_connection, JournalPragmas);
        _searchCache = false;
    }

    /// <summary>A new, empty index file in place of one that could not be read or written.</summary>
    private void StartOver()
    {
        DisposeCommands();
        _connection.Dispose();
        _connection = CreateFresh(_path);
        _searchCache = false;
        _ranked = false;
        _ranking.Forget();
        WasRebuilt = true;
    }

    /// <summary>One optimize leaves a single segment, the fastest to search; then the settings for edits.</summary>
    private void FinishBulk(SqliteTransaction transaction)
    {
        CreateSectionsFileIndex(transaction);
        Execute(_connection, "INSERT INTO sections_fts(sections_fts) VALUES ('optimize');"
            + "INSERT INTO sections_fts(sections_fts, rank) VALUES ('automerge', 4);"
            + $"INSERT INTO sections_fts(sections_fts, rank) VALUES ('hashsize', {DefaultHashSize});", transaction);
    }

    private static bool IsUnchanged(IReadOnlyList<NoteFile> files, Dictionary<string, (long Size, long Mtime, string Hash)> known) =>
        files.Count == known.Count
        && files.All(f => known.TryGetValue(f.Key, out var stamp) && stamp.Size == f.Size && stamp.Mtime == f.ModifiedTicks);

    /// <summary>FTS5's buffer of terms before it writes a segment: its default for edits, a larger one for a full build.</summary>
    private const int DefaultHashSize = 1024 * 1024, BulkHashSize = 64 * 1024 * 1024;

    /// <summary>The settings for edits: a write-ahead log, and SQLite's default page cache of about 2 MB.</summary>
    private const string JournalPragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-2000;";

    /// <summary>
    /// The page cache for searching, in KiB. A search reads every doclist page of its terms (the rows' lengths are kept
    /// by <see cref="SectionRanking"/>); the default 2 MB cache holds little of a large index, so each search would read
    /// its pages again through system calls. Up to 64 MB of pages are kept (a small index only ever fills what its file holds). It is set at the
    /// first search, not on opening, so the scan of every file's stamp and the parse cache read at start-up pass through
    /// the small cache and leave no pages that searches never read. Memory mapping the file instead is as fast, but
    /// every page it maps counts as resident, the parse cache's included.
    /// </summary>
    internal const int CacheKibibytes = 65_536;

    private void UseSearchCache()
    {
        if (!_searchCache)
        {
            Execute(_connection, $"PRAGMA cache_size=-{CacheKibibytes};");
            _searchCache = true;
        }
    }

    /// <summary>The connection's page cache setting (negative: KiB), as SQLite reports it.</summary>
    internal long CacheSize()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// SQLite keeps statistics of its memory use by default, taking a lock around every allocation, and a full build
    /// allocates for every term it buffers. Turned off before the first connection (once SQLite has started, the
    /// setting is refused and nothing changes).
    /// </summary>
    private static readonly int MemoryStatistics = TurnOffMemoryStatistics();

    private static int TurnOffMemoryStatistics()
    {
        const int SqliteConfigMemStatus = 9;
        SQLitePCL.Batteries_V2.Init();
        return SQLitePCL.raw.sqlite3_config(SqliteConfigMemStatus, 0);
    }

    private static SqliteConnection Connect(string path, bool journal = true)
    {
        _ = MemoryStatistics;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute(connection, (journal ? JournalPragmas : "") + "PRAGMA temp_store=MEMORY;");
        return connection;
    }

    /// <summary>
    /// True when the file holds an index of this schema whose last sync completed. A damaged file is found here when
    /// its header is bad, else by the first statement that reads the damage (the sync then rebuilds the index).
    /// </summary>
    private static bool IsCurrent(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'schema'";
        try
        {
            return command.ExecuteScalar() as string == SchemaVersion;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static SqliteConnection CreateFresh(string path)
    {
        SqliteConnection.ClearAllPools();
        if (path != ":memory:")
        {
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(path + suffix);
            }
        }

        var connection = Connect(path, journal: false);
        Execute(connection, Schema);
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void AddIn(StringBuilder where, List<(string, object)> parameters, string column, string prefix, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var names = values.Select((v, i) =>
        {
            parameters.Add(($"${prefix}{i}", v));
            return $"${prefix}{i}";
        });
        where.Append($" AND {column} IN ({string.Join(", ", names)})");
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>The prepared write statements of one sync transaction.</summary>
    private sealed class Statements
    {
        private readonly SqliteCommand _stamp;
        private readonly SqliteCommand _parse;
        private readonly SqliteCommand _deleteParse;
        private readonly SqliteCommand _touch;
        private readonly SqliteCommand _deleteText;
        private readonly SqliteCommand _deleteSections;
        private readonly SqliteCommand _deleteFile;
        private readonly SqliteCommand _insert;
        private readonly SqliteCommand _insertText;
        private readonly SqliteCommand _insertFile;

        // Row ids are handed out here, as SQLite would (one past the largest), so a new row is written without asking
        // SQLite for its id.
        private long _lastFile;
        private long _lastSection;

        public Statements(SqliteConnection connection, SqliteTransaction transaction)
        {
            _stamp = Create(connection, transaction, """
                INSERT INTO files(key, size, mtime, hash, note_id, note_path, note_title, section, level, priority, tag_list)
                VALUES ($key, $size, $mtime, $hash, $id, $path, $title, $section, $level, $priority, $taglist)
                ON CONFLICT(key) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, hash = excluded.hash,
                    note_id = excluded.note_id, note_path = excluded.note_path, note_title = excluded.note_title, section = excluded.section,
                    level = excluded.level, priority = excluded.priority, tag_list = excluded.tag_list
                RETURNING id
                """, "$key", "$size", "$mtime", "$hash", "$id", "$path", "$title", "$section", "$level", "$priority", "$taglist");
            _parse = Create(connection, transaction, "INSERT OR REPLACE INTO parses(id, data) VALUES ($id, $data)", "$id", "$data");
            _deleteParse = Create(connection, transaction, "DELETE FROM parses WHERE id = (SELECT id FROM files WHERE key = $key)", "$key");
            _touch = Create(connection, transaction, "UPDATE files SET size = $size, mtime = $mtime WHERE key = $key", "$key", "$size", "$mtime");
            _deleteText = Create(connection, transaction, "DELETE FROM sections_fts WHERE rowid IN (SELECT s.id FROM sections s JOIN files n ON n.id = s.file WHERE n.key = $key)", "$key");
            _deleteSections = Create(connection, transaction, "DELETE FROM sections WHERE file = (SELECT id FROM files WHERE key = $key)", "$key");
            _deleteFile = Create(connection, transaction, "DELETE FROM files WHERE key = $key", "$key");
            _insertFile = Create(connection, transaction, """
                INSERT INTO files(id, key, size, mtime, hash, note_id, note_path, note_title, section, level, priority, tag_list)
                VALUES ($rowid, $key, $size, $mtime, $hash, $id, $path, $title, $section, $level, $priority, $taglist)
                """, "$key", "$size", "$mtime", "$hash", "$id", "$path", "$title", "$section", "$level", "$priority", "$taglist", "$rowid");
            _insert = Create(connection, transaction, "INSERT INTO sections(id, file, anchor, heading) VALUES ($id, $file, $anchor, $heading)", "$id", "$file", "$anchor", "$heading");
            _lastFile = LastId(connection, transaction, "files");
            _lastSection = LastId(connection, transaction, "sections");
            _insertText = Create(connection, transaction, """
                INSERT INTO sections_fts(rowid, title, heading, aliases, tags, body)
                VALUES ($id, $title, $heading, $aliases, $tags, $body)
                """, "$id", "$title", "$heading", "$aliases", "$tags", "$body");
        }

        /// <summary>Writes the file's stamp, parse and note fields; returns its row id.</summary>
        /// <param name="isNew">The index holds no row for the file's key.</param>
        public long Stamp(NoteFile file, byte[]? parse, bool isNew)
        {
            var note = file.Note;
            var command = isNew ? _insertFile : _stamp;
            Bind(command, file.Key, file.Size, file.ModifiedTicks, file.Hash,
                note?.Id ?? "", note?.Path ?? "", note?.Title ?? "", note?.Section ?? "", note?.Level.ToText() ?? "", note?.Priority.ToText() ?? "",
                note is null ? "" : " " + string.Join(' ', note.Tags.Select(t => t.ToLowerInvariant())) + " ");
            long id;
            if (isNew)
            {
                id = ++_lastFile;
                command.Parameters[^1].Value = id;
                command.ExecuteNonQuery();
            }
            else
            {
                id = (long)command.ExecuteScalar()!;
                _lastFile = Math.Max(_lastFile, id);
            }

            if (parse is not null)
            {
                Run(_parse, id, parse);
            }
            else
            {
                Run(_deleteParse, file.Key);
            }

            return id;
        }

        public void Touch(NoteFile file) => Run(_touch, file.Key, file.Size, file.ModifiedTicks);

        public void DeleteSections(string key)
        {
            Run(_deleteText, key);
            Run(_deleteSections, key);
        }

        public void DeleteFile(string key)
        {
            Run(_deleteParse, key);
            Run(_deleteFile, key);
        }

        /// <summary>Writes one file: its stamp and parse, and its sections in place of the ones an older version left.</summary>
        public void Write(PreparedFile file)
        {
            if (file.Replaces)
            {
                DeleteSections(file.File.Key);
            }

            InsertSections(Stamp(file.File, file.Parse, !file.Replaces), file.Sections);
        }

        private void InsertSections(long file, IReadOnlyList<PreparedSection> sections)
        {
            foreach (var section in sections)
            {
                var id = ++_lastSection;
                Run(_insert, id, file, section.Anchor, section.Heading);
                var columns = section.Columns;
                Run(_insertText, id, columns.Title, columns.Heading, columns.Aliases, columns.Tags, columns.Body);
            }
        }

        private static long LastId(SqliteConnection connection, SqliteTransaction transaction, string table)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT coalesce(max(id), 0) FROM {table}";
            return (long)command.ExecuteScalar()!;
        }

        private static SqliteCommand Create(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            return command;
        }

        private static void Bind(SqliteCommand command, params object[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }
        }

        private static void Run(SqliteCommand command, params object[] values)
        {
            Bind(command, values);
            command.ExecuteNonQuery();
        }
    }
}
