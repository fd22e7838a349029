using System.Runtime.InteropServices;

namespace LlmPrep.Core.Index;

/// <summary>
/// The part of SQLite's C interface that an FTS5 auxiliary function needs and Microsoft.Data.Sqlite does not offer:
/// reaching the connection's <c>fts5_api</c> and returning a function's result. The same library SQLitePCLRaw loads.
/// </summary>
internal static unsafe partial class Fts5Native
{
    private const string Library = "e_sqlite3";

    public const int Ok = 0;
    public const int Error = 1;
    private const int Row = 100;

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
