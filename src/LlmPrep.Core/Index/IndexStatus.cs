using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Index;

/// <summary>What <see cref="StudyLibrary.SyncIndex"/> did and what the corpus holds.</summary>
/// <param name="Sync">The sync: when nothing changed, every file is unchanged and none was parsed or read from the parse cache.</param>
/// <param name="Counts">The corpus in numbers.</param>
/// <param name="LoadTime">Time spent loading notes (zero when nothing changed and no note was loaded).</param>
/// <param name="Warning">Set when the index could not be kept on disk (see <see cref="StudyLibrary.IndexWarning"/>).</param>
public sealed record IndexStatus(SyncReport Sync, CorpusCounts Counts, TimeSpan LoadTime, string? Warning)
{
    /// <summary>True when the listing showed nothing changed, so no note was loaded and nothing was written.</summary>
    public bool NothingChanged => LoadTime == TimeSpan.Zero && Sync.Parsed == 0 && Sync.FromCache == 0;
}
