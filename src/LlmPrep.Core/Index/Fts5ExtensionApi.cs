using System.Runtime.InteropServices;

namespace LlmPrep.Core.Index;

/// <summary>SQLite's <c>Fts5ExtensionApi</c> (fts5.h), the calls an auxiliary function makes for the current row; fields in order.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Fts5ExtensionApi
{
    public int Version;
    public delegate* unmanaged<nint, void*> UserData;
    public nint ColumnCount;
    public delegate* unmanaged<nint, long*, int> RowCount;
    public delegate* unmanaged<nint, int, long*, int> ColumnTotalSize;
    public nint Tokenize;
    public delegate* unmanaged<nint, int> PhraseCount;
    public nint PhraseSize;
    public delegate* unmanaged<nint, int*, int> InstCount;
    public delegate* unmanaged<nint, int, int*, int*, int*, int> Inst;
    public delegate* unmanaged<nint, long> Rowid;
    public nint ColumnText;
    public delegate* unmanaged<nint, int, int*, int> ColumnSize;
    public delegate* unmanaged<nint, int, void*, delegate* unmanaged<Fts5ExtensionApi*, nint, void*, int>, int> QueryPhrase;
    public delegate* unmanaged<nint, void*, delegate* unmanaged<void*, void>, int> SetAuxdata;
    public delegate* unmanaged<nint, int, void*> GetAuxdata;
}
