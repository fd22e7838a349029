using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Progress;

/// <summary>
/// The progress file on SQLite: its own file (never the index), WAL, synchronous=FULL so a committed review survives a
/// killed process. Several processes may share it: creation and migration run under the write lock (BEGIN IMMEDIATE),
/// and a lock held by another process is waited for up to a bounded time, then reported as busy. A file that is not an
/// LlmPrep progress file, is damaged or is from a newer version is refused after read-only checks, byte-identical.
/// An older file is backed up, then migrated.
/// </summary>
public sealed class ProgressDatabase : IProgressDatabase
{
    /// <summary>How long a write waits for another process's lock before it is reported as busy.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private ProgressDatabase(SqliteConnection connection, string path, int migratedFrom)
    {
        _connection = connection;
        Path = path;
        MigratedFrom = migratedFrom;
    }

    public string Path { get; }

    public string Location => Path;

    /// <summary>The schema version the file had when opened (0 for a new file; equal to the current version when no migration ran).</summary>
    public int MigratedFrom { get; }

    /// <summary>Opens (or creates) the progress file.</summary>
    /// <exception cref="ProgressStoreException">The file is busy, cannot be written, or is refused; the message says which and what to do.</exception>
    public static ProgressDatabase Open(string path, TimeSpan? busyTimeout = null)
    {
        path = System.IO.Path.GetFullPath(path);
        var timeout = busyTimeout ?? DefaultBusyTimeout;
        ProgressErrors.EnsureDataFolder(System.IO.Path.GetDirectoryName(path)!);
        if (Directory.Exists(path))
        {
            throw new ProgressStoreException(ProgressProblem.NotAProgressFile,
                $"'{path}' is a folder, not a progress file. It was left untouched: move it aside, or point --data-dir elsewhere.");
        }

        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        var version = exists ? InspectSettled(path, timeout) : 0;
        if (version is > 0 and < ProgressSchema.Version)
        {
            Backup(path, version, timeout);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = exists ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
        }.ToString());
        try
        {
            connection.Open();
            ProgressSchema.Execute(connection, $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds}; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            using var transaction = connection.BeginTransaction();
            var current = ProgressSchema.ReadVersion(connection, transaction);
            if (current > ProgressSchema.Version)
            {
                throw ProgressErrors.Newer(path, current);
            }

            if (current == 0 && ProgressSchema.HasTables(connection, transaction))
            {
                throw ProgressErrors.NotAProgressFile(path);
            }

            if (current < ProgressSchema.Version)
            {
                ProgressSchema.Migrate(connection, transaction, current);
            }

            transaction.Commit();
            return new ProgressDatabase(connection, path, version);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw ProgressErrors.Describe(ex, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Inspects an existing file; one that another process is creating at this moment (its <c>-wal</c> or <c>-shm</c> is
    /// beside it) can look unfinished for an instant, so a refusal is confirmed by looking again a few times first.
    /// </summary>
    private static int InspectSettled(string path, TimeSpan timeout)
    {
        const int Attempts = 20;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return ProgressFileCheck.Inspect(path, timeout);
            }
            catch (ProgressStoreException ex) when (ex.Problem is ProgressProblem.NotAProgressFile or ProgressProblem.Damaged
                && attempt < Attempts && (File.Exists(path + "-wal") || File.Exists(path + "-shm")))
            {
                Thread.Sleep(50);
            }
        }
    }

    public IProgressStore ForUser(string userId) => new ProgressStore(this, userId, ownsDatabase: false);

    /// <summary>Runs a read under the connection's lock; a failure becomes a <see cref="ProgressStoreException"/>.</summary>
    internal T Read<T>(Func<SqliteConnection, T> read)
    {
        lock (_gate)
        {
            try
            {
                return read(_connection);
            }
            catch (SqliteException ex)
            {
                throw ProgressErrors.Describe(ex, Path);
            }
        }
    }

    /// <summary>Runs read-decide-write in one BEGIN IMMEDIATE transaction: committed before it returns, rolled back on any failure.</summary>
    internal T Write<T>(Func<SqliteConnection, SqliteTransaction, T> write)
    {
        lock (_gate)
        {
            try
            {
                using var transaction = _connection.BeginTransaction();
                var result = write(_connection, transaction);
                transaction.Commit();
                return result;
            }
            catch (SqliteException ex)
            {
                throw ProgressErrors.Describe(ex, Path);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    /// <summary>Copies an older file (with its WAL content) before migrating it, through SQLite's backup API.</summary>
    private static void Backup(string path, int version, TimeSpan timeout)
    {
        var backup = $"{path}.v{version}.bak";
        try
        {
            using var source = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
                DefaultTimeout = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)),
            }.ToString());
            source.Open();
            using var destination = new SqliteConnection($"Data Source={backup};Pooling=False");
            destination.Open();
            source.BackupDatabase(destination);
        }
        catch (SqliteException ex)
        {
            throw ProgressErrors.Describe(ex, path);
        }
    }
}
