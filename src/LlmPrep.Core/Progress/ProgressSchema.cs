using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Progress;

/// <summary>The progress file's tables, versioned in <c>PRAGMA user_version</c>, and the steps that migrate an older file.</summary>
internal static class ProgressSchema
{
    /// <summary>The schema version this code writes.</summary>
    public const int Version = 3;

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

    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        Convert.ToInt32(Scalar(connection, "PRAGMA user_version", transaction), CultureInfo.InvariantCulture);

    public static bool HasTables(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        Convert.ToInt32(Scalar(connection, "SELECT count(*) FROM sqlite_master", transaction), CultureInfo.InvariantCulture) > 0;

    /// <summary>Runs the steps from <paramref name="from"/> to <see cref="Version"/> inside the caller's write transaction.</summary>
    public static void Migrate(SqliteConnection connection, SqliteTransaction transaction, int from)
    {
        for (var version = from; version < Version; version++)
        {
            Execute(connection, Migrations[version], transaction);
        }

        Execute(connection, $"PRAGMA user_version = {Version}", transaction);
    }

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }
}
