namespace LlmPrep.Core.Progress;

/// <summary>Why the progress store cannot be used right now.</summary>
public enum ProgressProblem
{
    /// <summary>Another process holds the write lock; trying again later works.</summary>
    Busy,

    /// <summary>The data folder path names a file.</summary>
    DataDirectoryIsFile,

    /// <summary>The data folder cannot be created or written.</summary>
    ReadOnlyFolder,

    /// <summary>The progress file cannot be written.</summary>
    ReadOnlyFile,

    /// <summary>The disk is full.</summary>
    DiskFull,

    /// <summary>The file is not an LlmPrep progress file (another database, or not a database at all).</summary>
    NotAProgressFile,

    /// <summary>The file is an LlmPrep progress file that fails its integrity check.</summary>
    Damaged,

    /// <summary>The file was written by a newer LlmPrep.</summary>
    NewerVersion,

    /// <summary>Any other input/output failure.</summary>
    IoError,

    /// <summary>The database server cannot be reached (down, wrong host or port, network); trying again later may work.</summary>
    Unreachable,

    /// <summary>The database server refused the credentials, or the user lacks a privilege the store needs.</summary>
    AccessDenied,

    /// <summary>The database accepts no writes (a read-only server, standby or database).</summary>
    ReadOnlyDatabase,

    /// <summary>A text to save holds a character the database cannot store (PostgreSQL text cannot hold NUL); nothing was saved.</summary>
    UnstorableText,

    /// <summary>The progress store's configuration is invalid (unknown provider, missing or malformed connection string).</summary>
    Misconfigured,
}
