using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Progress;

/// <summary>
/// Decides whether an existing file may be opened for writing, without changing it: the file, its <c>-wal</c> and its
/// <c>-shm</c> stay byte-identical whatever the verdict. With a live <c>-shm</c> it reads through a read-only connection
/// that does not write the shared-memory file; otherwise (no other process has it open) it reads a private copy.
/// </summary>
internal static class ProgressFileCheck
{
    private const int CantOpen = 14;

    /// <summary>The file's schema version (0 for an empty SQLite file).</summary>
    /// <exception cref="ProgressStoreException">The file must be refused, or is busy.</exception>
    public static int Inspect(string path, TimeSpan busyTimeout)
    {
        if (File.Exists(path + "-shm"))
        {
            try
            {
                return InspectReadOnly(path, busyTimeout);
            }
            catch (SqliteException)
            {
                // The shared-memory file cannot be used read-only; read a private copy instead.
            }
        }

        var copy = Directory.CreateTempSubdirectory("llmprep-check-").FullName;
        try
        {
            var target = System.IO.Path.Combine(copy, "progress.db");
            File.Copy(path, target);
            if (File.Exists(path + "-wal"))
            {
                File.Copy(path + "-wal", target + "-wal");
            }

            return Check(Connection(target, SqliteOpenMode.ReadWrite, busyTimeout), path);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(copy, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int InspectReadOnly(string path, TimeSpan busyTimeout)
    {
        var uri = new Uri(path).AbsoluteUri + "?mode=ro&readonly_shm=1";
        return Check(Connection(uri, SqliteOpenMode.ReadOnly, busyTimeout), path);
    }

    private static SqliteConnection Connection(string dataSource, SqliteOpenMode mode, TimeSpan busyTimeout) => new(new SqliteConnectionStringBuilder
    {
        DataSource = dataSource,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
    }.ToString());

    private static int Check(SqliteConnection connection, string path)
    {
        using (connection)
        {
            try
            {
                connection.Open();
                var version = ProgressSchema.ReadVersion(connection);
                if (version > ProgressSchema.Version)
                {
                    throw ProgressErrors.Newer(path, version);
                }

                if (ProgressSchema.Scalar(connection, "PRAGMA quick_check") as string != "ok")
                {
                    throw version > 0 ? ProgressErrors.Damaged(path) : ProgressErrors.NotAProgressFile(path);
                }

                if (version == 0 && ProgressSchema.HasTables(connection))
                {
                    throw ProgressErrors.NotAProgressFile(path);
                }

                return version;
            }
            catch (SqliteException ex) when ((ex.SqliteErrorCode & 0xFF) != CantOpen)
            {
                throw (ex.SqliteErrorCode & 0xFF) is 5 or 6 ? ProgressErrors.BusyFile(path, ex)
                    : (ex.SqliteErrorCode & 0xFF) is 11 ? ProgressErrors.Damaged(path, ex)
                    : ProgressErrors.NotAProgressFile(path, ex);
            }
        }
    }
}
