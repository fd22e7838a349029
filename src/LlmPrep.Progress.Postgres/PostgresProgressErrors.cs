using System.Net.Sockets;
using LlmPrep.Core.Progress;
using Npgsql;

namespace LlmPrep.Progress.Postgres;

/// <summary>
/// Turns a PostgreSQL failure into a message that says what happened to which database and what to do. Messages name
/// the server and database (<see cref="PostgresProgressDatabase.Location"/>), never the connection string's password.
/// </summary>
internal static class PostgresProgressErrors
{
    public static ProgressStoreException Describe(NpgsqlException ex, string location) => ex switch
    {
        PostgresException pg => Describe(pg, location),
        { InnerException: TimeoutException } => Unreachable(location, "the connection timed out", ex),
        { InnerException: SocketException socket } => Unreachable(location, socket.Message.TrimEnd('.'), ex),
        { InnerException: IOException io } => Unreachable(location, io.Message.TrimEnd('.'), ex),
        _ when ex.IsTransient => Unreachable(location, ex.Message.TrimEnd('.'), ex),
        _ => Failed(location, ex.Message, ex),
    };

    private static ProgressStoreException Describe(PostgresException ex, string location) => ex.SqlState switch
    {
        PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => new(ProgressProblem.AccessDenied,
            $"the PostgreSQL server refused to sign in for the progress database {location} ({ex.MessageText}). " +
            "Check the user name and password in LlmPrep:Progress:ConnectionString (or LLMPREP_PROGRESS_CONNECTION_STRING).", ex),
        PostgresErrorCodes.InsufficientPrivilege => new(ProgressProblem.AccessDenied,
            $"the PostgreSQL user may not do what the progress store needs in {location} ({ex.MessageText}). " +
            "Grant it the privileges on the schema 'llmprep' (and CREATE on the database for the first start). Nothing was changed.", ex),
        PostgresErrorCodes.InvalidCatalogName => new(ProgressProblem.Misconfigured,
            $"the progress database {location} does not exist ({ex.MessageText}). Create it (createdb), or fix the database name in LlmPrep:Progress:ConnectionString.", ex),
        PostgresErrorCodes.ReadOnlySqlTransaction => new(ProgressProblem.ReadOnlyDatabase,
            $"the progress database {location} accepts no writes (a read-only database or a standby server), so the review was not saved. " +
            "Point LlmPrep:Progress:ConnectionString at the primary server, or make the database writable.", ex),
        PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.TooManyConnections => new(ProgressProblem.Busy,
            $"the progress database {location} is busy: another LlmPrep instance is writing this card's history, or the server is out of connections " +
            $"({ex.MessageText}). Nothing was changed; try again in a moment.", ex),
        PostgresErrorCodes.DiskFull or PostgresErrorCodes.OutOfMemory => new(ProgressProblem.DiskFull,
            $"the PostgreSQL server holding {location} is out of disk space or memory ({ex.MessageText}), so the review was not saved (nothing was changed).", ex),
        PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter => new(ProgressProblem.UnstorableText,
            $"the text to save holds a character PostgreSQL cannot store, such as NUL (\\u0000) ({ex.MessageText}). Nothing was changed; send it without that character.", ex),
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow => Unreachable(location, ex.MessageText, ex),
        _ when ex.SqlState.StartsWith("08", StringComparison.Ordinal) => Unreachable(location, ex.MessageText, ex),
        _ => Failed(location, $"{ex.SqlState}: {ex.MessageText}", ex),
    };

    /// <param name="committing">The connection broke while the write was being committed, so whether it was saved is unknown.</param>
    public static ProgressStoreException Unreachable(string location, string why, Exception? inner = null, bool committing = false) => new(ProgressProblem.Unreachable,
        $"the PostgreSQL server of the progress database {location} cannot be reached ({why}). " +
        (committing
            ? "The connection broke while the review was being saved, so it may or may not be saved; sending the same answer again returns it if it was. "
            : "Nothing was changed; ") +
        "Check that the server is running and that the host and port in LlmPrep:Progress:ConnectionString are right, then try again.", inner);

    private static ProgressStoreException Failed(string location, string what, Exception inner) => new(ProgressProblem.IoError,
        $"the progress database {location} could not be read or written ({what.TrimEnd('.')}). Nothing was changed; try again, and check the server's log if it keeps happening.", inner);
}
