using System.Globalization;
using LlmPrep.Core.Progress;
using Npgsql;

namespace LlmPrep.Progress.Postgres;

/// <summary>
/// Every user's progress in a PostgreSQL database, for a deployment where several instances share one history. Each call
/// takes a pooled connection; each write is one transaction, committed before it returns. Writes to one card take a
/// per-(user, card) advisory lock first, so answers to one card from any number of instances serialize. A lock held
/// elsewhere is waited for up to the busy timeout, then reported as busy. The schema is created or migrated on open.
/// </summary>
public sealed class PostgresProgressDatabase : IProgressDatabase
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _lockTimeout;

    private PostgresProgressDatabase(NpgsqlDataSource dataSource, string location, int migratedFrom, TimeSpan busyTimeout)
    {
        _dataSource = dataSource;
        Location = location;
        MigratedFrom = migratedFrom;
        _lockTimeout = Math.Max(1, (int)Math.Min(int.MaxValue, busyTimeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>The server and database, for messages: <c>'db' on host:port as user</c>; never the password.</summary>
    public string Location { get; }

    /// <summary>The schema version the database had when opened (0 for a new one; equal to the current version when no migration ran).</summary>
    public int MigratedFrom { get; }

    /// <summary>The schema version this code writes.</summary>
    public static int SchemaVersion => PostgresProgressSchema.Version;

    /// <summary>Connects, and creates or migrates the schema under an advisory lock.</summary>
    /// <exception cref="ProgressStoreException">The connection string is invalid, the server cannot be reached or refuses the sign-in, or the schema is refused.</exception>
    public static PostgresProgressDatabase Open(string connectionString, TimeSpan? busyTimeout = null)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ProgressStoreException(ProgressProblem.Misconfigured,
                "the PostgreSQL progress store needs a connection string: set LlmPrep:Progress:ConnectionString (or LLMPREP_PROGRESS_CONNECTION_STRING), " +
                "e.g. Host=db.example.org;Database=llmprep;Username=llmprep;Password=…");
        }

        NpgsqlSlimDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlSlimDataSourceBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The message names the offending keyword, never the value.
            throw new ProgressStoreException(ProgressProblem.Misconfigured,
                $"LlmPrep:Progress:ConnectionString is not a valid PostgreSQL connection string ({ex.Message.TrimEnd('.')}). " +
                "Use the Npgsql form: Host=…;Port=5432;Database=…;Username=…;Password=…", ex);
        }

        var settings = builder.ConnectionStringBuilder;
        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = "llmprep";
        }

        PooledSessions.Apply(connectionString, settings);
        var location = Describe(settings);
        var dataSource = builder.Build();
        try
        {
            using var connection = dataSource.OpenConnection();
            var found = PostgresProgressSchema.Migrate(connection, location);
            return new PostgresProgressDatabase(dataSource, location, found, busyTimeout ?? ProgressDatabase.DefaultBusyTimeout);
        }
        catch (NpgsqlException ex)
        {
            dataSource.Dispose();
            throw PostgresProgressErrors.Describe(ex, location);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    public IProgressStore ForUser(string userId) => new PostgresProgressStore(this, userId);

    /// <summary>Runs a read on a pooled connection; a failure becomes a <see cref="ProgressStoreException"/>.</summary>
    internal T Read<T>(Func<NpgsqlConnection, T> read)
    {
        try
        {
            using var connection = _dataSource.OpenConnection();
            return read(connection);
        }
        catch (NpgsqlException ex)
        {
            throw PostgresProgressErrors.Describe(ex, Location);
        }
    }

    /// <summary>
    /// Runs read-decide-write in one transaction, committed before it returns and rolled back on any failure. The first
    /// round trip takes the (user, card) advisory lock, waiting at most the busy timeout, and runs
    /// <paramref name="reads"/> right behind it, so what <paramref name="read"/> sees is read under the lock;
    /// <paramref name="write"/> then writes in the same transaction.
    /// </summary>
    /// <param name="reads">Commands that run after the lock in the same round trip; <paramref name="read"/> gets their results in order.</param>
    internal T Write<TRead, T>(
        string userId, string cardId, IReadOnlyList<NpgsqlBatchCommand> reads, Func<NpgsqlDataReader, TRead> read, Func<NpgsqlTransaction, TRead, T> write)
    {
        try
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            TRead found;
            using (var batch = new NpgsqlBatch(connection, transaction))
            {
                var timeout = new NpgsqlBatchCommand("SELECT set_config('lock_timeout', @timeout, true)");
                timeout.Parameters.Add(new NpgsqlParameter<string>("timeout", _lockTimeout));
                batch.BatchCommands.Add(timeout);
                var lockCard = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended(@user || chr(31) || @card, 0))");
                lockCard.Parameters.Add(new NpgsqlParameter<string>("user", userId));
                lockCard.Parameters.Add(new NpgsqlParameter<string>("card", cardId));
                batch.BatchCommands.Add(lockCard);
                foreach (var command in reads)
                {
                    batch.BatchCommands.Add(command);
                }

                using var reader = batch.ExecuteReader();
                // Past the lock_timeout setting and the lock itself, to the first read.
                reader.NextResult();
                reader.NextResult();
                found = read(reader);
            }

            var result = write(transaction, found);
            try
            {
                transaction.Commit();
            }
            catch (NpgsqlException ex) when (ex is not PostgresException)
            {
                // The connection broke during COMMIT: whether the server committed is unknown.
                throw PostgresProgressErrors.Unreachable(Location, ex.Message.TrimEnd('.'), ex, committing: true);
            }

            return result;
        }
        catch (NpgsqlException ex)
        {
            throw PostgresProgressErrors.Describe(ex, Location);
        }
    }

    public void Dispose() => _dataSource.Dispose();

    private static string Describe(NpgsqlConnectionStringBuilder settings)
    {
        var host = string.IsNullOrEmpty(settings.Host) ? "localhost" : settings.Host;
        var database = settings.Database ?? settings.Username ?? "(default)";
        var user = string.IsNullOrEmpty(settings.Username) ? "" : $" as {settings.Username}";
        return $"'{database}' on {host}:{settings.Port.ToString(CultureInfo.InvariantCulture)}{user}";
    }
}
