using System.Runtime.InteropServices;

namespace LlmPrep.Core.Index;

/// <summary>SQLite's <c>fts5_api</c>, as far as creating an auxiliary function.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Fts5Api
{
    public int Version;
    public nint CreateTokenizer;
    public nint FindTokenizer;

    /// <summary>(api, name, user data, function, destroy) → result code.</summary>
    public delegate* unmanaged<Fts5Api*, byte*, void*, delegate* unmanaged<Fts5ExtensionApi*, nint, nint, int, nint*, void>, delegate* unmanaged<void*, void>, int> CreateFunction;
}
