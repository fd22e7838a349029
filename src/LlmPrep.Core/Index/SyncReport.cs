namespace LlmPrep.Core.Index;

/// <summary>What one index sync did.</summary>
/// <param name="Added">Files indexed for the first time.</param>
/// <param name="Updated">Files whose content changed and were re-indexed.</param>
/// <param name="Touched">Files whose size or time changed but whose content did not (only their stamp was updated).</param>
/// <param name="Removed">Files gone from the corpus and dropped from the index.</param>
/// <param name="Unchanged">Files skipped on size and modification time alone.</param>
/// <param name="Rebuilt">True when the index file was missing, corrupt or of an older schema and was created anew.</param>
/// <param name="Sections">Sections in the index after the sync.</param>
/// <param name="Elapsed">Time the sync took.</param>
public sealed record SyncReport(int Added, int Updated, int Touched, int Removed, int Unchanged, bool Rebuilt, int Sections, TimeSpan Elapsed)
{
    /// <summary>Files read and parsed by the load before this sync; unchanged files are taken from memory or the parse cache instead.</summary>
    public int Parsed { get; init; }

    /// <summary>Files the load before this sync took from the parse cache kept in the index.</summary>
    public int FromCache { get; init; }
}
