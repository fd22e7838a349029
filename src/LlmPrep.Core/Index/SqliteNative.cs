using System.Runtime.InteropServices;

namespace LlmPrep.Core.Index;

/// <summary>
/// The part of SQLite's C interface that an FTS5 auxiliary function needs and Microsoft.Data.Sqlite does not offer:
/// reaching the connection's <c>fts5_api</c>, returning a function's result, and reading a table's blobs without a
/// managed array a row. The same library SQLitePCLRaw loads.
/// </summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    public const int Ok = 0;
    public const int Error = 1;
    private const int Row = 100;
    private const int Done = 101;

    /// <summary>The connection's FTS5 registration interface (<c>SELECT fts5(?1)</c> with a bound pointer), or null.</summary>
    public static Fts5Api* Api(nint db)
    {
        Fts5Api* api = null;
        nint statement;
        fixed (byte* sql = "SELECT fts5(?1)"u8)
        {
            if (Prepare(db, sql, -1, &statement, null) != Ok)
            {
                return null;
            }
        }

        try
        {
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                if (BindPointer(statement, 1, &api, type, 0) != Ok || Step(statement) != Row)
                {
                    return null;
                }
            }
        }
        finally
        {
            _ = Finalize(statement);
        }

        return api;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (two columns: an integer and a blob) and hands each row to <paramref name="row"/>;
    /// false when the statement cannot be prepared or fails.
    /// </summary>
    public static bool ReadBlobs(nint db, ReadOnlySpan<byte> sql, BlobRow row)
    {
        nint statement;
        fixed (byte* text = sql)
        {
            if (Prepare(db, text, sql.Length, &statement, null) != Ok)
            {
                return false;
            }
        }

        try
        {
            int rc;
            while ((rc = Step(statement)) == Row)
            {
                var blob = (byte*)ColumnBlob(statement, 1);
                row(ColumnInt64(statement, 0), new ReadOnlySpan<byte>(blob, blob == null ? 0 : ColumnBytes(statement, 1)));
            }

            return rc == Done;
        }
        finally
        {
            _ = Finalize(statement);
        }
    }

    public delegate void BlobRow(long id, ReadOnlySpan<byte> blob);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    private static partial long ColumnInt64(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_blob")]
    private static partial void* ColumnBlob(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    private static partial int ColumnBytes(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_prepare_v2")]
    private static partial int Prepare(nint db, byte* sql, int length, nint* statement, byte** tail);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_pointer")]
    private static partial int BindPointer(nint statement, int index, void* pointer, byte* type, nint destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    private static partial int Step(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_finalize")]
    private static partial int Finalize(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_result_double")]
    public static partial void ResultDouble(nint context, double value);

    [LibraryImport(Library, EntryPoint = "sqlite3_result_error_code")]
    public static partial void ResultErrorCode(nint context, int code);

    [LibraryImport(Library, EntryPoint = "sqlite3_value_double")]
    public static partial double ValueDouble(nint value);
}
