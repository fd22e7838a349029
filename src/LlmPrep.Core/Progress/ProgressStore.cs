using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Progress;

/// <summary>One user's history in a <see cref="ProgressDatabase"/>: every query and write is scoped to <see cref="UserId"/>.</summary>
public sealed class ProgressStore : IProgressStore
{
    /// <summary>The schema version this code writes.</summary>
    public const int SchemaVersion = ProgressSchema.Version;

    /// <summary>The user of a single-person install (stdio, the CLI, HTTP on loopback without tokens).</summary>
    public const string DefaultUserId = "local";

    private const string MemoryColumns = "state, stability, difficulty, due, last_review, step, reps, lapses";

    private readonly ProgressDatabase _database;
    private readonly bool _ownsDatabase;

    internal ProgressStore(ProgressDatabase database, string userId, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        UserId = userId;
    }

    public string UserId { get; }

    public string Path => _database.Path;

    /// <summary>The schema version the file had when opened (0 for a new file).</summary>
    public int MigratedFrom => _database.MigratedFrom;

    /// <summary>Opens (or creates) the progress file and returns one user's view that owns it.</summary>
    /// <exception cref="ProgressStoreException">The file is busy, cannot be written, or is refused.</exception>
    public static ProgressStore Open(string path, string userId = DefaultUserId, TimeSpan? busyTimeout = null) =>
        new(ProgressDatabase.Open(path, busyTimeout), userId, ownsDatabase: true);

    public CardMemory? Memory(string cardId) => _database.Read(connection => ReadMemory(connection, null, cardId));

    public IReadOnlyDictionary<string, CardMemory> Memories() => _database.Read(connection =>
    {
        using var command = Command(connection, null, $"SELECT card_id, {MemoryColumns} FROM card_memory WHERE user_id = $user");
        using var reader = command.ExecuteReader();
        var memories = new Dictionary<string, CardMemory>(StringComparer.Ordinal);
        while (reader.Read())
        {
            memories[reader.GetString(0)] = ReviewRows.Memory(reader, 1);
        }

        return (IReadOnlyDictionary<string, CardMemory>)memories;
    });

    public ReviewRecord Record(NewReview review) => Record(review.CardId, _ => review).Review;

    public RecordedReview Record(string cardId, Func<CardHistory, NewReview?> decide) => _database.Write((connection, transaction) =>
    {
        var last = LastReview(connection, transaction, cardId);
        var review = decide(new CardHistory(ReadMemory(connection, transaction, cardId), last));
        if (review is null)
        {
            return new RecordedReview(last ?? throw new InvalidOperationException("nothing was recorded and the card has no review"), Added: false);
        }

        if (review.CardId != cardId)
        {
            throw new ArgumentException($"the review is for '{review.CardId}', not '{cardId}'", nameof(decide));
        }

        using var insert = Command(connection, transaction, """
            INSERT INTO reviews(user_id, card_id, note_id, reviewed_at, rating, score, grader, answer, missed, verdict, provisional,
                b_state, b_stability, b_difficulty, b_due, b_last_review, b_step, b_reps, b_lapses,
                a_state, a_stability, a_difficulty, a_due, a_last_review, a_step, a_reps, a_lapses)
            VALUES ($user, $card, $note, $at, $rating, $score, $grader, $answer, $missed, $verdict, $provisional,
                $b0, $b1, $b2, $b3, $b4, $b5, $b6, $b7, $a0, $a1, $a2, $a3, $a4, $a5, $a6, $a7);
            SELECT last_insert_rowid();
            """);
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
        UpsertMemory(connection, transaction, review.CardId, review.After);
        return new RecordedReview(ReadReview(connection, transaction, id)!, Added: true);
    });

    public ReviewRecord Amend(
        long reviewId, Rating rating, double? score, string grader, CardMemory after, DateTimeOffset amendedAt,
        IReadOnlyList<string>? missed = null, string? verdict = null) =>
        _database.Write((connection, transaction) =>
        {
            var existing = ReadReview(connection, transaction, reviewId) ?? throw new ArgumentException($"no review {reviewId}", nameof(reviewId));
            using var update = Command(connection, transaction, """
                UPDATE reviews SET rating = $rating, score = $score, grader = $grader, amended_at = $amended, provisional = NULL,
                    missed = coalesce($missed, missed), verdict = coalesce($verdict, verdict),
                    a_state = $a0, a_stability = $a1, a_difficulty = $a2, a_due = $a3, a_last_review = $a4, a_step = $a5, a_reps = $a6, a_lapses = $a7
                WHERE id = $id AND user_id = $user
                """);
            update.Parameters.AddWithValue("$id", reviewId);
            update.Parameters.AddWithValue("$rating", (int)rating);
            update.Parameters.AddWithValue("$score", (object?)score ?? DBNull.Value);
            update.Parameters.AddWithValue("$grader", grader);
            update.Parameters.AddWithValue("$amended", amendedAt.ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$missed", missed is null ? DBNull.Value : string.Join('\n', missed));
            update.Parameters.AddWithValue("$verdict", (object?)verdict ?? DBNull.Value);
            AddMemory(update, "$a", after);
            update.ExecuteNonQuery();
            UpsertMemory(connection, transaction, existing.CardId, after);
            return ReadReview(connection, transaction, reviewId)!;
        });

    public ReviewRecord? Review(long reviewId) => _database.Read(connection => ReadReview(connection, null, reviewId));

    public ReviewRecord? LastReview(string cardId) => _database.Read(connection => LastReview(connection, null, cardId));

    public IReadOnlyList<ReviewRecord> RecentReviews(int limit, bool failedOnly = false) => _database.Read(connection =>
    {
        var filter = failedOnly ? $"AND rating = {(int)Rating.Again}" : "";
        using var command = Command(connection, null, $"SELECT {ReviewRows.Columns} FROM reviews WHERE user_id = $user {filter} ORDER BY id DESC LIMIT $limit");
        command.Parameters.AddWithValue("$limit", limit);
        return (IReadOnlyList<ReviewRecord>)ReviewRows.Read(command);
    });

    public IReadOnlyList<DateTimeOffset> ReviewTimes() => _database.Read(connection =>
    {
        using var command = Command(connection, null, "SELECT reviewed_at FROM reviews WHERE user_id = $user ORDER BY reviewed_at");
        return ReviewRows.Times(command);
    });

    public void Dispose()
    {
        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$user", UserId);
        return command;
    }

    private CardMemory? ReadMemory(SqliteConnection connection, SqliteTransaction? transaction, string cardId)
    {
        using var command = Command(connection, transaction, $"SELECT {MemoryColumns} FROM card_memory WHERE user_id = $user AND card_id = $card");
        command.Parameters.AddWithValue("$card", cardId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReviewRows.Memory(reader, 0) : null;
    }

    private ReviewRecord? LastReview(SqliteConnection connection, SqliteTransaction? transaction, string cardId)
    {
        using var command = Command(connection, transaction, $"SELECT {ReviewRows.Columns} FROM reviews WHERE user_id = $user AND card_id = $card ORDER BY id DESC LIMIT 1");
        command.Parameters.AddWithValue("$card", cardId);
        return ReviewRows.Read(command).FirstOrDefault();
    }

    private void UpsertMemory(SqliteConnection connection, SqliteTransaction transaction, string cardId, CardMemory memory)
    {
        using var upsert = Command(connection, transaction, $"""
            INSERT INTO card_memory(user_id, card_id, {MemoryColumns})
            VALUES ($user, $card, $m0, $m1, $m2, $m3, $m4, $m5, $m6, $m7)
            ON CONFLICT(user_id, card_id) DO UPDATE SET
                state = $m0, stability = $m1, difficulty = $m2, due = $m3, last_review = $m4, step = $m5, reps = $m6, lapses = $m7
            """);
        upsert.Parameters.AddWithValue("$card", cardId);
        AddMemory(upsert, "$m", memory);
        upsert.ExecuteNonQuery();
    }

    private ReviewRecord? ReadReview(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        using var command = Command(connection, transaction, $"SELECT {ReviewRows.Columns} FROM reviews WHERE user_id = $user AND id = $id");
        command.Parameters.AddWithValue("$id", id);
        return ReviewRows.Read(command).FirstOrDefault();
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

}
