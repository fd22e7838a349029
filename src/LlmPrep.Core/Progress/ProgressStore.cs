using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Progress;

/// <summary>
/// The progress store on SQLite: its own file (never the index), WAL, synchronous=FULL so a committed
/// review survives a killed process. The schema version lives in <c>PRAGMA user_version</c>; an older
/// file is backed up and migrated in a transaction, a newer or unreadable one is refused and left untouched.
/// </summary>
public sealed class ProgressStore : IProgressStore
{
    /// <summary>The schema version this code writes.</summary>
    public const int SchemaVersion = 3;

    public const string DefaultUserId = "local";

    private const string MemoryColumns = "state, stability, difficulty, due, last_review, step, reps, lapses";

    private const string ReviewColumns = """
        id, card_id, note_id, reviewed_at, rating, score, grader, answer, missed, amended_at,
        verdict, provisional,
        b_state, b_stability, b_difficulty, b_due, b_last_review, b_step, b_reps, b_lapses,
        a_state, a_stability, a_difficulty, a_due, a_last_review, a_step, a_reps, a_lapses
        """;

    /// <summary>Each step takes the schema from version <c>index</c> to <c>index + 1</c>.</summary>
    private static readonly string[] Migrations =
    [
        // 0 → 1: card memory and the review log.
        """
        CREATE TABLE card_memory(
            user_id TEXT NOT NULL, card_id TEXT NOT NULL,
            state INTEGER NOT NULL, stability REAL NOT NULL, difficulty REAL NOT NULL, due INTEGER NOT NULL,
            last_review INTEGER, step INTEGER NOT NULL, reps INTEGER NOT NULL, lapses INTEGER NOT NULL,
            PRIMARY KEY (user_id, card_id));
        CREATE TABLE reviews(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_id TEXT NOT NULL, card_id TEXT NOT NULL, note_id TEXT NOT NULL,
            reviewed_at INTEGER NOT NULL, rating INTEGER NOT NULL, score REAL, grader TEXT NOT NULL, answer TEXT,
            b_state INTEGER NOT NULL, b_stability REAL NOT NULL, b_difficulty REAL NOT NULL, b_due INTEGER NOT NULL,
            b_last_review INTEGER, b_step INTEGER NOT NULL, b_reps INTEGER NOT NULL, b_lapses INTEGER NOT NULL,
            a_state INTEGER NOT NULL, a_stability REAL NOT NULL, a_difficulty REAL NOT NULL, a_due INTEGER NOT NULL,
            a_last_review INTEGER, a_step INTEGER NOT NULL, a_reps INTEGER NOT NULL, a_lapses INTEGER NOT NULL);
        CREATE INDEX reviews_card ON reviews(user_id, card_id, id);
        """,

        // 1 → 2: what the grader found missing, amended ratings, and a time index for reports.
        """
        ALTER TABLE reviews ADD COLUMN missed TEXT NOT NULL DEFAULT '';
        ALTER TABLE reviews ADD COLUMN amended_at INTEGER;
        CREATE INDEX reviews_time ON reviews(user_id, reviewed_at);
        """,

        // 2 → 3: a judge's per-key-point verdict, and whether the rating still awaits one.
        """
        ALTER TABLE reviews ADD COLUMN verdict TEXT;
        ALTER TABLE reviews ADD COLUMN provisional INTEGER;
        """,
    ];

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private ProgressStore(SqliteConnection connection, string path, string userId, int migratedFrom)
    {
        _connection = connection;
        Path = path;
        UserId = userId;
        MigratedFrom = migratedFrom;
    }

    public string UserId { get; }

    public string Path { get; }

    /// <summary>The schema version the file had when opened (0 for a new file; equal to <see cref="SchemaVersion"/> when no migration ran).</summary>
    public int MigratedFrom { get; }

    /// <summary>Opens (or creates) the progress file, migrating an older schema after backing the file up.</summary>
    /// <exception cref="ProgressStoreException">The file is not a progress database, is damaged, or is from a newer version.</exception>
    public static ProgressStore Open(string path, string userId = DefaultUserId)
    {
        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        if (!exists)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());

        try
        {
            connection.Open();
            var version = exists ? ReadVersion(connection, path) : 0;
            if (version > SchemaVersion)
            {
                throw new ProgressStoreException(
                    $"the progress file '{path}' has schema version {version}, newer than this LlmPrep understands ({SchemaVersion}). " +
                    "It was left untouched: upgrade LlmPrep, or point --data-dir elsewhere.");
            }

            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
            if (version < SchemaVersion)
            {
                if (version > 0)
                {
                    Backup(connection, path, version);
                }

                Migrate(connection, version);
            }

            return new ProgressStore(connection, path, userId, version);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new ProgressStoreException(
                $"the progress file '{path}' cannot be read ({ex.Message.TrimEnd('.')}). It was left untouched: " +
                "move it aside to start a new history, or restore it from a backup.", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public CardMemory? Memory(string cardId)
    {
        lock (_gate)
        {
            using var command = Command($"SELECT {MemoryColumns} FROM card_memory WHERE user_id = $user AND card_id = $card");
            command.Parameters.AddWithValue("$card", cardId);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadMemory(reader, 0) : null;
        }
    }

    public IReadOnlyDictionary<string, CardMemory> Memories()
    {
        lock (_gate)
        {
            using var command = Command($"SELECT card_id, {MemoryColumns} FROM card_memory WHERE user_id = $user");
            using var reader = command.ExecuteReader();
            var memories = new Dictionary<string, CardMemory>(StringComparer.Ordinal);
            while (reader.Read())
            {
                memories[reader.GetString(0)] = ReadMemory(reader, 1);
            }

            return memories;
        }
    }

    public ReviewRecord Record(NewReview review)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var insert = Command("""
                INSERT INTO reviews(user_id, card_id, note_id, reviewed_at, rating, score, grader, answer, missed, verdict, provisional,
                    b_state, b_stability, b_difficulty, b_due, b_last_review, b_step, b_reps, b_lapses,
                    a_state, a_stability, a_difficulty, a_due, a_last_review, a_step, a_reps, a_lapses)
                VALUES ($user, $card, $note, $at, $rating, $score, $grader, $answer, $missed, $verdict, $provisional,
                    $b0, $b1, $b2, $b3, $b4, $b5, $b6, $b7, $a0, $a1, $a2, $a3, $a4, $a5, $a6, $a7);
                SELECT last_insert_rowid();
                """, transaction);
            insert.Parameters.AddWithValue("$card", review.CardId);
            insert.Parameters.AddWithValue("$note", review.NoteId);
            insert.Parameters.AddWithValue("$at", review.ReviewedAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$rating", (int)review.Rating);
            insert.Parameters.AddWithValue("$score", (object?)review.Score ?? DBNull.Value);
            insert.Parameters.AddWithValue("$grader", review.Grader);
            insert.Parameters.AddWithValue("$answer", (object?)review.Answer ?? DBNull.Value);
            insert.Parameters.AddWithValue("$missed", string.Join('\n', review.Missed));
            insert.Parameters.AddWithValue("$verdict", (object?)review.Verdict ?? DBNull.Value);
            insert.Parameters.AddWithValue("$provisional", review.Provisional ? 1 : DBNull.Value);
            AddMemory(insert, "$b", review.Before);
            AddMemory(insert, "$a", review.After);
            var id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            UpsertMemory(review.CardId, review.After, transaction);
            transaction.Commit();
            return ReadReview(id)!;
        }
    }

    public ReviewRecord Amend(
        long reviewId, Rating rating, double? score, string grader, CardMemory after, DateTimeOffset amendedAt,
        IReadOnlyList<string>? missed = null, string? verdict = null)
    {
        lock (_gate)
        {
            var existing = ReadReview(reviewId) ?? throw new ArgumentException($"no review {reviewId}", nameof(reviewId));
            using var transaction = _connection.BeginTransaction();
            using var update = Command("""
                UPDATE reviews SET rating = $rating, score = $score, grader = $grader, amended_at = $amended, provisional = NULL,
                    missed = coalesce($missed, missed), verdict = coalesce($verdict, verdict),
                    a_state = $a0, a_stability = $a1, a_difficulty = $a2, a_due = $a3, a_last_review = $a4, a_step = $a5, a_reps = $a6, a_lapses = $a7
                WHERE id = $id AND user_id = $user
                """, transaction);
            update.Parameters.AddWithValue("$id", reviewId);
            update.Parameters.AddWithValue("$rating", (int)rating);
            update.Parameters.AddWithValue("$score", (object?)score ?? DBNull.Value);
            update.Parameters.AddWithValue("$grader", grader);
            update.Parameters.AddWithValue("$amended", amendedAt.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$missed", missed is null ? DBNull.Value : string.Join('\n', missed));
            update.Parameters.AddWithValue("$verdict", (object?)verdict ?? DBNull.Value);
            AddMemory(update, "$a", after);
            update.ExecuteNonQuery();
            UpsertMemory(existing.CardId, after, transaction);
            transaction.Commit();
            return ReadReview(reviewId)!;
        }
    }

    public ReviewRecord? Review(long reviewId)
    {
        lock (_gate)
        {
            return ReadReview(reviewId);
        }
    }

    public ReviewRecord? LastReview(string cardId)
    {
        lock (_gate)
        {
            using var command = Command($"SELECT {ReviewColumns} FROM reviews WHERE user_id = $user AND card_id = $card ORDER BY id DESC LIMIT 1");
            command.Parameters.AddWithValue("$card", cardId);
            return ReadReviews(command).FirstOrDefault();
        }
    }

    public IReadOnlyList<ReviewRecord> RecentReviews(int limit, bool failedOnly = false)
    {
        lock (_gate)
        {
            var filter = failedOnly ? $"AND rating = {(int)Rating.Again}" : "";
            using var command = Command($"SELECT {ReviewColumns} FROM reviews WHERE user_id = $user {filter} ORDER BY id DESC LIMIT $limit");
            command.Parameters.AddWithValue("$limit", limit);
            return ReadReviews(command);
        }
    }

    public IReadOnlyList<DateTimeOffset> ReviewTimes()
    {
        lock (_gate)
        {
            using var command = Command("SELECT reviewed_at FROM reviews WHERE user_id = $user ORDER BY reviewed_at");
            using var reader = command.ExecuteReader();
            var times = new List<DateTimeOffset>();
            while (reader.Read())
            {
                times.Add(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)));
            }

            return times;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private static int ReadVersion(SqliteConnection connection, string path)
    {
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA quick_check";
        if (check.ExecuteScalar() as string != "ok")
        {
            throw new ProgressStoreException(
                $"the progress file '{path}' is damaged (integrity check failed). It was left untouched: restore it from a backup or move it aside.");
        }

        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var value = Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (value == 0 && HasTables(connection))
        {
            throw new ProgressStoreException(
                $"'{path}' is an SQLite database but not an LlmPrep progress file. It was left untouched: point --data-dir elsewhere.");
        }

        return value;
    }

    private static bool HasTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static void Backup(SqliteConnection connection, string path, int version)
    {
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        var backup = $"{path}.v{version}.bak";
        using var destination = new SqliteConnection($"Data Source={backup};Pooling=False");
        destination.Open();
        connection.BackupDatabase(destination);
    }

    private static void Migrate(SqliteConnection connection, int from)
    {
        using var transaction = connection.BeginTransaction();
        for (var version = from; version < SchemaVersion; version++)
        {
            using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = Migrations[version];
            step.ExecuteNonQuery();
        }

        using var stamp = connection.CreateCommand();
        stamp.Transaction = transaction;
        stamp.CommandText = $"PRAGMA user_version = {SchemaVersion}";
        stamp.ExecuteNonQuery();
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$user", UserId);
        return command;
    }

    private void UpsertMemory(string cardId, CardMemory memory, SqliteTransaction transaction)
    {
        using var upsert = Command($"""
            INSERT INTO card_memory(user_id, card_id, {MemoryColumns})
            VALUES ($user, $card, $m0, $m1, $m2, $m3, $m4, $m5, $m6, $m7)
            ON CONFLICT(user_id, card_id) DO UPDATE SET
                state = $m0, stability = $m1, difficulty = $m2, due = $m3, last_review = $m4, step = $m5, reps = $m6, lapses = $m7
            """, transaction);
        upsert.Parameters.AddWithValue("$card", cardId);
        AddMemory(upsert, "$m", memory);
        upsert.ExecuteNonQuery();
    }

    private ReviewRecord? ReadReview(long id)
    {
        using var command = Command($"SELECT {ReviewColumns} FROM reviews WHERE user_id = $user AND id = $id");
        command.Parameters.AddWithValue("$id", id);
        return ReadReviews(command).FirstOrDefault();
    }

    private static List<ReviewRecord> ReadReviews(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var reviews = new List<ReviewRecord>();
        while (reader.Read())
        {
            var missed = reader.GetString(8);
            reviews.Add(new ReviewRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                (Rating)reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                missed.Length == 0 ? [] : missed.Split('\n'),
                ReadMemory(reader, 12),
                ReadMemory(reader, 20),
                reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                !reader.IsDBNull(11) && reader.GetInt64(11) != 0));
        }

        return reviews;
    }

    private static void AddMemory(SqliteCommand command, string prefix, CardMemory memory)
    {
        command.Parameters.AddWithValue(prefix + "0", (int)memory.State);
        command.Parameters.AddWithValue(prefix + "1", memory.Stability);
        command.Parameters.AddWithValue(prefix + "2", memory.Difficulty);
        command.Parameters.AddWithValue(prefix + "3", memory.Due.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue(prefix + "4", memory.LastReview is { } last ? last.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue(prefix + "5", memory.Step);
        command.Parameters.AddWithValue(prefix + "6", memory.Reps);
        command.Parameters.AddWithValue(prefix + "7", memory.Lapses);
    }

    private static CardMemory ReadMemory(SqliteDataReader reader, int first) => new(
        (CardState)reader.GetInt32(first),
        reader.GetDouble(first + 1),
        reader.GetDouble(first + 2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 3)),
        reader.IsDBNull(first + 4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 4)),
        reader.GetInt32(first + 5),
        reader.GetInt32(first + 6),
        reader.GetInt32(first + 7));
}
