namespace LlmPrep.Core.Corpus;

/// <summary>
/// Loading a large vault leaves much garbage behind (the parse cache's bytes, the scan, transient strings) spread
/// between the notes that stay, and so does building the grader (its alias map's builder, then its term weights). A
/// compacting collection after loading, and before and after each step of the grader's build, packs what stays and
/// gives the rest back to the operating system, so the memory held while serving is about what the notes need, and
/// the garbage of one step never adds to the next's.
/// </summary>
internal static class LoadedHeap
{
    /// <summary>Below this many notes the garbage is too small to be worth a full collection.</summary>
    public const int CompactFrom = 5_000;

    /// <summary>Lets go of the bodies read since loading (and their weak handles) in a large vault; a small one keeps them
    /// while they live, for the snippets of its next searches.</summary>
    public static void ReleaseBodies(CorpusSnapshot corpus)
    {
        if (corpus.Notes.Count >= CompactFrom)
        {
            corpus.ReleaseBodies();
        }
    }

    /// <summary>In a large vault, collects what an answer left behind once it is sent, instead of letting the garbage of
    /// many answers pile up to the collector's first-generation budget (set large for start-up) while the server idles
    /// between them. The notes are old and stay where they are, so this takes a fraction of a millisecond.</summary>
    /// <returns>True when it collected.</returns>
    public static bool CollectAnswerGarbage(CorpusSnapshot corpus)
    {
        if (corpus.Notes.Count < CompactFrom)
        {
            return false;
        }

        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        return true;
    }

    public static void Compact(CorpusSnapshot corpus)
    {
        if (corpus.Notes.Count >= CompactFrom)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
