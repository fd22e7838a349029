using LlmPrep.Core.Progress;
using Npgsql;
using NpgsqlTypes;

namespace LlmPrep.Progress.Postgres;

/// <summary>One user's history in a <see cref="PostgresProgressDatabase"/>: every query and write is scoped to <see cref="UserId"/>.</summary>
public sealed class PostgresProgressStore : IProgressStore
{
    private const string MemoryColumns = "state, stability, difficulty, due, last_review, step, reps, lapses";

    private readonly PostgresProgressDatabase _database;

    internal PostgresProgressStore(PostgresProgressDatabase database, string userId)
    {
        _database = database;
        UserId = userId;
    }

    public string UserId { get; }

    public CardMemory? Memory(string cardId) => _database.Read(connection => ReadMemory(connection, null, cardId));

    public IReadOnlyDictionary<string, CardMemory> Memories() => _database.Read(connection =>
    {
        using var command = Command(connection, null, $"SELECT card_id, {MemoryColumns} FROM llmprep.card_memory WHERE user_id = @user");
        using var reader = command.ExecuteReader();
        var memories = new Dictionary<string, CardMemory>(StringComparer.Ordinal);
        while (reader.Read())
        {
            memories[reader.GetString(0)] = ReviewRows.Memory(reader, 1);
        }

        return (IReadOnlyDictionary<string, CardMemory>)memories;
    });

    public ReviewRecord Record(NewReview review) => Record(review.CardId, _ => review).Review;

    public RecordedReview Record(string cardId, Func<CardHistory, NewReview?> decide) => _database.Write(UserId, cardId,
        [
            Batched($"SELECT {ReviewRows.Columns} FROM llmprep.reviews WHERE user_id = @user AND card_id = @card ORDER BY id DESC LIMIT 1", ("card", cardId)),
            Batched($"SELECT {MemoryColumns} FROM llmprep.card_memory WHERE user_id = @user AND card_id = @card", ("card", cardId)),
        ],
        reader =>
        {
            var last = ReviewRows.Read(reader).FirstOrDefault();
            reader.NextResult();
            return new CardHistory(reader.Read() ? ReviewRows.Memory(reader, 0) : null, last);
        },
        (transaction, history) =>
        {
            var review = decide(history);
            if (review is null)
            {
                return new RecordedReview(history.Last ?? throw new InvalidOperationException("nothing was recorded and the card has no review"), Added: false);
            }

            if (review.CardId != cardId)
            {
                throw new ArgumentException($"the review is for '{review.CardId}', not '{cardId}'", nameof(decide));
            }

            // The review, read back as stored, and the card's new memory: one round trip.
            var insert = Batched($"""
                INSERT INTO llmprep.reviews(user_id, card_id, note_id, reviewed_at, rating, score, grader, answer, missed, verdict, provisional,
                    b_state, b_stability, b_difficulty, b_due, b_last_review, b_step, b_reps, b_lapses,
                    a_state, a_stability, a_difficulty, a_due, a_last_review, a_step, a_reps, a_lapses)
                VALUES (@user, @card, @note, @at, @rating, @score, @grader, @answer, @missed, @verdict, @provisional,
                    @b0, @b1, @b2, @b3, @b4, @b5, @b6, @b7, @a0, @a1, @a2, @a3, @a4, @a5, @a6, @a7)
                RETURNING {ReviewRows.Columns}
                """, ("card", review.CardId));
            Add(insert, "note", review.NoteId);
            Add(insert, "at", review.ReviewedAt.ToUnixTimeMilliseconds());
            Add(insert, "rating", (int)review.Rating);
            AddNullable(insert, "score", review.Score);
            Add(insert, "grader", review.Grader);
            AddText(insert, "answer", review.Answer);
            Add(insert, "missed", string.Join('\n', review.Missed));
            AddText(insert, "verdict", review.Verdict);
            Add(insert, "provisional", review.Provisional);
            AddMemory(insert, "b", review.Before);
            AddMemory(insert, "a", review.After);
            return new RecordedReview(WriteAndReadBack(transaction, insert, UpsertMemory(review.CardId, review.After))!, Added: true);
        });

    public ReviewRecord Amend(
        long reviewId, Rating rating, double? score, string grader, CardMemory after, DateTimeOffset amendedAt,
        IReadOnlyList<string>? missed = null, string? verdict = null)
    {
        // A review never changes card, so its card can be read before the card's lock is taken.
        var cardId = Review(reviewId)?.CardId ?? throw new ArgumentException($"no review {reviewId}", nameof(reviewId));
        return _database.Write(UserId, cardId, [], _ => true, (transaction, _) =>
        {
            var update = Batched($"""
                UPDATE llmprep.reviews SET rating = @rating, score = @score, grader = @grader, amended_at = @amended, provisional = false,
                    missed = coalesce(@missed, missed), verdict = coalesce(@verdict, verdict),
                    a_state = @a0, a_stability = @a1, a_difficulty = @a2, a_due = @a3, a_last_review = @a4, a_step = @a5, a_reps = @a6, a_lapses = @a7
                WHERE id = @id AND user_id = @user
                RETURNING {ReviewRows.Columns}
                """, ("id", reviewId));
            Add(update, "rating", (int)rating);
            AddNullable(update, "score", score);
            Add(update, "grader", grader);
            Add(update, "amended", amendedAt.ToUnixTimeMilliseconds());
            AddText(update, "missed", missed is null ? null : string.Join('\n', missed));
            AddText(update, "verdict", verdict);
            AddMemory(update, "a", after);
            // Without the review nothing is committed: the transaction (memory upsert included) is rolled back.
            return WriteAndReadBack(transaction, update, UpsertMemory(cardId, after))
                ?? throw new ArgumentException($"no review {reviewId}", nameof(reviewId));
        });
    }

    public ReviewRecord? Review(long reviewId) => _database.Read(connection => ReadReview(connection, null, reviewId));

    public ReviewRecord? LastReview(string cardId) => _database.Read(connection => LastReview(connection, null, cardId));

    public IReadOnlyList<ReviewRecord> RecentReviews(int limit, bool failedOnly = false) => _database.Read(connection =>
    {
        var filter = failedOnly ? "AND rating = @again" : "";
        // As in SQLite, a negative limit means no limit.
        var bound = limit < 0 ? "" : "LIMIT @limit";
        using var command = Command(connection, null, $"SELECT {ReviewRows.Columns} FROM llmprep.reviews WHERE user_id = @user {filter} ORDER BY id DESC {bound}");
        if (limit >= 0)
        {
            Add(command, "limit", (long)limit);
        }

        if (failedOnly)
        {
            Add(command, "again", (int)Rating.Again);
        }

        return (IReadOnlyList<ReviewRecord>)ReviewRows.Read(command);
    });

    public IReadOnlyList<DateTimeOffset> ReviewTimes() => _database.Read(connection =>
    {
        using var command = Command(connection, null, "SELECT reviewed_at FROM llmprep.reviews WHERE user_id = @user ORDER BY reviewed_at, id");
        return ReviewRows.Times(command);
    });

    /// <summary>The view shares its database's connections; there is nothing of its own to release.</summary>
    public void Dispose()
    {
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        Add(command, "user", UserId);
        return command;
    }

    private CardMemory? ReadMemory(NpgsqlConnection connection, NpgsqlTransaction? transaction, string cardId)
    {
        using var command = Command(connection, transaction, $"SELECT {MemoryColumns} FROM llmprep.card_memory WHERE user_id = @user AND card_id = @card");
        Add(command, "card", cardId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReviewRows.Memory(reader, 0) : null;
    }

    private ReviewRecord? LastReview(NpgsqlConnection connection, NpgsqlTransaction? transaction, string cardId)
    {
        using var command = Command(connection, transaction,
            $"SELECT {ReviewRows.Columns} FROM llmprep.reviews WHERE user_id = @user AND card_id = @card ORDER BY id DESC LIMIT 1");
        Add(command, "card", cardId);
        return ReviewRows.Read(command).FirstOrDefault();
    }

    private NpgsqlBatchCommand UpsertMemory(string cardId, CardMemory memory)
    {
        var upsert = Batched($"""
            INSERT INTO llmprep.card_memory(user_id, card_id, {MemoryColumns})
            VALUES (@user, @card, @m0, @m1, @m2, @m3, @m4, @m5, @m6, @m7)
            ON CONFLICT (user_id, card_id) DO UPDATE SET
                state = @m0, stability = @m1, difficulty = @m2, due = @m3, last_review = @m4, step = @m5, reps = @m6, lapses = @m7
            """, ("card", cardId));
        AddMemory(upsert, "m", memory);
        return upsert;
    }

    /// <summary>Runs a review's write (which returns the review's row) and the card's memory upsert in one round trip; the review as stored, or null if no row was written.</summary>
    private static ReviewRecord? WriteAndReadBack(NpgsqlTransaction transaction, NpgsqlBatchCommand review, NpgsqlBatchCommand memory)
    {
        using var batch = new NpgsqlBatch(transaction.Connection, transaction) { BatchCommands = { review, memory } };
        using var reader = batch.ExecuteReader();
        var written = ReviewRows.Read(reader).FirstOrDefault();
        while (reader.NextResult())
        {
        }

        return written;
    }

    /// <summary>A batch command scoped to this user (<c>@user</c>), with one more string or number parameter.</summary>
    private NpgsqlBatchCommand Batched<T>(string sql, (string Name, T Value) parameter)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string>("user", UserId));
        command.Parameters.Add(new NpgsqlParameter<T>(parameter.Name, parameter.Value));
        return command;
    }

    private ReviewRecord? ReadReview(NpgsqlConnection connection, NpgsqlTransaction? transaction, long id)
    {
        using var command = Command(connection, transaction, $"SELECT {ReviewRows.Columns} FROM llmprep.reviews WHERE user_id = @user AND id = @id");
        Add(command, "id", id);
        return ReviewRows.Read(command).FirstOrDefault();
    }

    private static void Add<T>(NpgsqlCommand command, string name, T value) => command.Parameters.Add(new NpgsqlParameter<T>(name, value));

    private static void Add<T>(NpgsqlBatchCommand command, string name, T value) => command.Parameters.Add(new NpgsqlParameter<T>(name, value));

    private static void AddNullable(NpgsqlBatchCommand command, string name, double? value) =>
        command.Parameters.Add(value is { } number
            ? new NpgsqlParameter<double>(name, number)
            : new NpgsqlParameter(name, NpgsqlDbType.Double) { Value = DBNull.Value });

    private static void AddNullable(NpgsqlBatchCommand command, string name, long? value) =>
        command.Parameters.Add(value is { } number
            ? new NpgsqlParameter<long>(name, number)
            : new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = DBNull.Value });

    private static void AddText(NpgsqlBatchCommand command, string name, string? value) =>
        command.Parameters.Add(value is null
            ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value }
            : new NpgsqlParameter<string>(name, value));

    private static void AddMemory(NpgsqlBatchCommand command, string prefix, CardMemory memory)
    {
        Add(command, prefix + "0", (int)memory.State);
        Add(command, prefix + "1", memory.Stability);
        Add(command, prefix + "2", memory.Difficulty);
        Add(command, prefix + "3", memory.Due.ToUnixTimeMilliseconds());
        AddNullable(command, prefix + "4", memory.LastReview?.ToUnixTimeMilliseconds());
        Add(command, prefix + "5", memory.Step);
        Add(command, prefix + "6", memory.Reps);
        Add(command, prefix + "7", memory.Lapses);
    }

}
