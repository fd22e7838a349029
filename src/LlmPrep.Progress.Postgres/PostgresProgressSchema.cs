using LlmPrep.Core.Progress;
using Npgsql;

namespace LlmPrep.Progress.Postgres;

/// <summary>
/// The progress tables in the <c>llmprep</c> schema of a PostgreSQL database, versioned in <c>llmprep.schema_version</c>
/// (one row per applied step). Steps only add (schemas, tables, columns, indexes), never drop or rewrite, and run in one
/// transaction under an advisory lock, so instances starting together migrate once and the rest find the work done.
/// </summary>
internal static class PostgresProgressSchema
{
    /// <summary>The schema version this code writes.</summary>
    public const int Version = 1;

    /// <summary>The advisory lock (two-int key space, apart from the per-card one-bigint keys) held while migrating.</summary>
    private const string MigrationLock = "SELECT pg_advisory_xact_lock(1280134480, 1)";

    /// <summary>Each step takes the schema from version <c>index</c> to <c>index + 1</c>.</summary>
    private static readonly string[] Migrations =
    [
        // 0 → 1: card memory and the review log (times in Unix milliseconds, as in the SQLite file).
        """
        CREATE SCHEMA IF NOT EXISTS llmprep;
        CREATE TABLE llmprep.schema_version(
            version integer PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE llmprep.card_memory(
            user_id text NOT NULL, card_id text NOT NULL,
            state integer NOT NULL, stability double precision NOT NULL, difficulty double precision NOT NULL, due bigint NOT NULL,
            last_review bigint, step integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL,
            PRIMARY KEY (user_id, card_id));
        CREATE TABLE llmprep.reviews(
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            user_id text NOT NULL, card_id text NOT NULL, note_id text NOT NULL,
            reviewed_at bigint NOT NULL, rating integer NOT NULL, score double precision, grader text NOT NULL, answer text,
            missed text NOT NULL DEFAULT '', amended_at bigint, verdict text, provisional boolean NOT NULL DEFAULT false,
            b_state integer NOT NULL, b_stability double precision NOT NULL, b_difficulty double precision NOT NULL, b_due bigint NOT NULL,
            b_last_review bigint, b_step integer NOT NULL, b_reps integer NOT NULL, b_lapses integer NOT NULL,
            a_state integer NOT NULL, a_stability double precision NOT NULL, a_difficulty double precision NOT NULL, a_due bigint NOT NULL,
            a_last_review bigint, a_step integer NOT NULL, a_reps integer NOT NULL, a_lapses integer NOT NULL);
        CREATE INDEX reviews_user_id ON llmprep.reviews(user_id, id);
        CREATE INDEX reviews_card ON llmprep.reviews(user_id, card_id, id);
        CREATE INDEX reviews_time ON llmprep.reviews(user_id, reviewed_at);
        """,
    ];

    /// <summary>Brings the database to <see cref="Version"/> and returns the version it had (0 for a database without the tables).</summary>
    /// <exception cref="ProgressStoreException">The schema is newer than this code, or the <c>llmprep</c> schema holds tables that are not LlmPrep's.</exception>
    public static int Migrate(NpgsqlConnection connection, string location)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, MigrationLock);
        var found = ReadVersion(connection, transaction);
        if (found > Version)
        {
            throw new ProgressStoreException(ProgressProblem.NewerVersion,
                $"the progress database {location} has schema version {found}, newer than this LlmPrep understands ({Version}). " +
                "It was left untouched: upgrade LlmPrep, or point LlmPrep:Progress:ConnectionString at another database.");
        }

        if (found == 0 && HasForeignTables(connection, transaction))
        {
            throw new ProgressStoreException(ProgressProblem.NotAProgressFile,
                $"the schema 'llmprep' in {location} holds tables that are not an LlmPrep progress store (no llmprep.schema_version). " +
                "It was left untouched: use another database, or move those tables out of the schema 'llmprep'.");
        }

        for (var version = found; version < Version; version++)
        {
            Execute(connection, transaction, Migrations[version]);
            using var record = new NpgsqlCommand("INSERT INTO llmprep.schema_version(version) VALUES (@version)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter<int>("version", version + 1));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return found;
    }

    private static int ReadVersion(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand("SELECT to_regclass('llmprep.schema_version') IS NOT NULL", connection, transaction);
        if (command.ExecuteScalar() is not true)
        {
            return 0;
        }

        using var max = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM llmprep.schema_version", connection, transaction);
        return Convert.ToInt32(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool HasForeignTables(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'llmprep')",
            connection, transaction);
        return command.ExecuteScalar() is true;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
