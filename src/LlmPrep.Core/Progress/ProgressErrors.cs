using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Progress;

/// <summary>Turns a failure to read or write the progress file into a message that says what happened to which path and what to do.</summary>
internal static class ProgressErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoErr = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADb = 26;

    public static ProgressStoreException Describe(SqliteException ex, string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        return (ex.SqliteErrorCode & 0xFF) switch
        {
            Busy or Locked => BusyFile(path, ex),
            Full => new ProgressStoreException(ProgressProblem.DiskFull,
                $"the disk holding '{path}' is full, so the review was not saved (nothing was changed). Free some space and try again.", ex),
            ReadOnly or CantOpen or IoErr when DataFolderProblem(folder) is { } problem => problem,
            ReadOnly or CantOpen when !CanWriteFile(path) => ReadOnlyFile(path, ex),
            ReadOnly => ReadOnlyFile(path, ex),
            NotADb => NotAProgressFile(path, ex),
            Corrupt => Damaged(path, ex),
            _ => new ProgressStoreException(ProgressProblem.IoError,
                $"the progress file '{path}' could not be read or written ({ex.Message.TrimEnd('.')}). Nothing was changed; try again, and check the disk if it keeps happening.", ex),
        };
    }

    public static ProgressStoreException BusyFile(string path, Exception? inner = null) => new(ProgressProblem.Busy,
        $"the progress file '{path}' is busy: another LlmPrep process (or another program) is writing to it. Nothing was changed; try again in a moment.", inner);

    public static ProgressStoreException ReadOnlyFile(string path, Exception? inner = null) => new(ProgressProblem.ReadOnlyFile,
        $"the progress file '{path}' is read-only, so reviews cannot be saved. Make it writable (e.g. chmod u+w), or point --data-dir at another folder.", inner);

    public static ProgressStoreException NotAProgressFile(string path, Exception? inner = null) => new(ProgressProblem.NotAProgressFile,
        $"'{path}' is not an LlmPrep progress file. It was left untouched: move it aside to start a new history there, or point --data-dir elsewhere.", inner);

    public static ProgressStoreException Damaged(string path, Exception? inner = null) => new(ProgressProblem.Damaged,
        $"the progress file '{path}' is damaged (integrity check failed). It was left untouched: restore it from a backup (a '.bak' beside it, if any), or move it aside to start a new history.", inner);

    public static ProgressStoreException Newer(string path, int version) => new(ProgressProblem.NewerVersion,
        $"the progress file '{path}' has schema version {version}, newer than this LlmPrep understands ({ProgressSchema.Version}). " +
        "It was left untouched: upgrade LlmPrep, or point --data-dir elsewhere.");

    /// <summary>What is wrong with the data folder itself, or null when it is a writable folder.</summary>
    public static ProgressStoreException? DataFolderProblem(string folder)
    {
        for (var dir = folder; !string.IsNullOrEmpty(dir); dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return new ProgressStoreException(ProgressProblem.DataDirectoryIsFile, dir == folder
                    ? $"the data folder '{folder}' is a file, not a folder, so progress cannot be kept there. Point --data-dir (or LLMPREP_DATA_DIR) at a folder."
                    : $"the data folder '{folder}' cannot be created because '{dir}' is a file. Point --data-dir (or LLMPREP_DATA_DIR) at a folder.");
            }

            if (Directory.Exists(dir))
            {
                break;
            }
        }

        if (Directory.Exists(folder) && !CanWriteFolder(folder))
        {
            return new ProgressStoreException(ProgressProblem.ReadOnlyFolder,
                $"the data folder '{folder}' is read-only, so progress cannot be saved there (SQLite also writes '-wal' and '-shm' files beside progress.db). " +
                "Make the folder writable, or point --data-dir at a writable folder.");
        }

        return null;
    }

    /// <summary>Creates the data folder if needed, or says why it cannot be used.</summary>
    public static void EnsureDataFolder(string folder)
    {
        if (DataFolderProblem(folder) is { } problem)
        {
            throw problem;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw DataFolderProblem(folder) ?? new ProgressStoreException(ProgressProblem.ReadOnlyFolder,
                $"the data folder '{folder}' cannot be created ({ex.Message.TrimEnd('.')}). Point --data-dir at a writable folder.", ex);
        }
    }

    /// <summary>Opening a file for writing (without truncating) changes neither its bytes nor its times.</summary>
    private static bool CanWriteFile(string path)
    {
        if (!File.Exists(path))
        {
            return true;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool CanWriteFolder(string folder)
    {
        var probe = System.IO.Path.Combine(folder, $".llmprep-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
