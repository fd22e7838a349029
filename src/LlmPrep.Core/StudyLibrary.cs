using System.Diagnostics;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Index;
using LlmPrep.Core.Search;

namespace LlmPrep.Core;

/// <summary>
/// The loaded corpus and its full-text index, kept in step. Searches are serialised on one SQLite
/// connection (each takes well under a millisecond); the corpus snapshot is immutable and can be read freely.
/// </summary>
public sealed class StudyLibrary : IDisposable
{
    private readonly Lock _gate = new();
    private NoteIndex _index;
    private SearchService _search;

    private StudyLibrary(LibraryOptions options, CorpusSnapshot corpus, NoteIndex index, SyncReport sync, TimeSpan loadTime, string? indexProblem)
    {
        Options = options;
        Corpus = corpus;
        _index = index;
        _search = new SearchService(index);
        LastSync = sync;
        LoadTime = loadTime;
        IndexProblem = indexProblem;
    }

    public LibraryOptions Options { get; }

    public CorpusSnapshot Corpus { get; private set; }

    public SyncReport LastSync { get; private set; }

    /// <summary>Time spent reading and parsing the notes at the last load.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>
    /// Set when the index could not be kept in the data folder (a file where a folder should be, a read-only folder,
    /// a folder named <c>index.db</c>…): search then runs from an in-memory index, rebuilt at each start. Says why.
    /// </summary>
    public string? IndexProblem { get; private set; }

    /// <summary>The full warning for the log, when <see cref="IndexProblem"/> is set.</summary>
    public string? IndexWarning => IndexProblem is null ? null
        : $"the search index cannot be kept on disk: {IndexProblem}. Search and reading work from an in-memory index, "
            + "rebuilt at each start; choose a writable folder with --data-dir or LLMPREP_DATA_DIR.";

    /// <summary>A one-line version of <see cref="IndexWarning"/> for tool results.</summary>
    public string? IndexNotice => IndexProblem is null ? null : $"the search index is in memory only ({IndexProblem}); results are complete.";

    /// <summary>Raised after <see cref="Reload"/> replaced the corpus.</summary>
    public event Action<CorpusSnapshot>? Reloaded;

    /// <summary>
    /// Opens the index, loads the corpus (files whose size and modification time the index knows are taken from its
    /// parse cache without being opened; the others are parsed on all cores) and syncs the index with it. When the
    /// directory listing shows every file as the index knows it, the sync writes nothing.
    /// </summary>
    public static StudyLibrary Open(LibraryOptions options) => Open(options, CorpusScan.Of(options.Roots), null);

    /// <summary>
    /// Syncs the index with the corpus without keeping the notes (<c>llmprep index</c>). When the directory listing
    /// shows every file with the size and modification time the index holds, that is all it does: no note file is
    /// opened, no parse is read from the cache, nothing is written, and the counts are the ones kept with the index.
    /// Otherwise it is <see cref="Open(LibraryOptions)"/>: only new and changed files are parsed.
    /// </summary>
    public static IndexStatus SyncIndex(LibraryOptions options)
    {
        var clock = Stopwatch.StartNew();
        NoteIndex? index = null;
        CorpusScan? scan = null;
        try
        {
            // The fingerprint the index kept when it was last found in line with the files tells it without a row read;
            // without one (first check after a write), the listing is compared with every row and the fingerprint kept.
            var fingerprint = CorpusFingerprint.Of(options.Roots);
            index = NoteIndex.Open(options.IndexPath);
            if (index.HasFingerprint(fingerprint) && index.ReadCounts() is { } kept)
            {
                var sync = index.Unchanged(fingerprint.Files, clock.Elapsed);
                index.Dispose();
                return new IndexStatus(sync, kept, TimeSpan.Zero, null);
            }

            scan = CorpusScan.Of(options.Roots);
            if (index.Matches(scan) && index.ReadCounts() is { } counts)
            {
                var sync = index.Unchanged(scan.Files.Count, clock.Elapsed);
                index.Dispose();
                return new IndexStatus(sync, counts, TimeSpan.Zero, null);
            }
        }
        catch (Exception ex) when (IsStorageError(ex))
        {
            // Opened again below, where a data folder that cannot hold the index falls back to memory.
            index?.Dispose();
            index = null;
        }

        using var library = Open(options, scan ?? CorpusScan.Of(options.Roots), index);
        return new IndexStatus(library.LastSync, CorpusCounts.Of(library.Corpus), library.LoadTime, library.IndexWarning);
    }

    private static StudyLibrary Open(LibraryOptions options, CorpusScan scan, NoteIndex? opened)
    {
        var clock = Stopwatch.StartNew();
        NoteIndex? index = opened;
        CorpusSnapshot? corpus = null;
        var loadTime = TimeSpan.Zero;
        try
        {
            index ??= NoteIndex.Open(options.IndexPath);
            var check = Stopwatch.StartNew();
            var unchanged = index.Matches(scan);
            var checkTime = check.Elapsed;
            SyncReport sync;
            if (!unchanged && index.IsEmpty())
            {
                // A full build writes each file as soon as it is parsed, while the rest are parsed on the other cores.
                (corpus, sync, loadTime) = index.Build(scan.Files.Count, parsed => CorpusLoader.Load(scan, null, null, parsed));
            }
            else
            {
                corpus = CorpusLoader.Load(scan, null, index.WasRebuilt ? null : index.ParseCache);
                loadTime = clock.Elapsed - checkTime;
                sync = unchanged ? index.Unchanged(scan.Files.Count, checkTime) : index.Sync(corpus);
            }

            sync = sync with
            {
                Parsed = corpus.ParsedCount,
                FromCache = corpus.CachedCount,
            };
            index.KeepCounts(scan.MissingRoots.Count == 0 ? CorpusCounts.Of(corpus) : null);
            corpus.ReleaseBodies();
            LoadedHeap.Compact(corpus);
            return new StudyLibrary(options, corpus, index, sync, loadTime, null);
        }
        catch (Exception ex) when (IsStorageError(ex))
        {
            index?.Dispose();
            if (corpus is null)
            {
                corpus = CorpusLoader.Load(scan, null, null);
                loadTime = clock.Elapsed;
            }

            var (memory, sync, warning) = InMemory(options.IndexPath, ex, corpus);
            corpus.ReleaseBodies();
            return new StudyLibrary(options, corpus, memory, sync, loadTime, warning);
        }
    }

    private static bool IsStorageError(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException;

    private static (NoteIndex Index, SyncReport Sync, string Problem) InMemory(string indexPath, Exception error, CorpusSnapshot corpus)
    {
        var index = NoteIndex.Open(":memory:");
        return (index, index.Sync(corpus) with { Parsed = corpus.ParsedCount, FromCache = corpus.CachedCount }, IndexLocation.Explain(indexPath, error));
    }

    public SearchResult Search(SearchRequest request)
    {
        var corpus = Corpus;
        lock (_gate)
        {
            return _search.Search(corpus, request);
        }
    }

    /// <summary>Called once an answer is sent: in a large vault, collects the garbage the answer left (see
    /// <see cref="LoadedHeap"/>), so it does not pile up between answers.</summary>
    /// <returns>True when it collected.</returns>
    public bool CollectAnswerGarbage() => LoadedHeap.CollectAnswerGarbage(Corpus);

    /// <summary>Re-reads what changed under the corpus roots and syncs the index with it.</summary>
    public SyncReport Reload()
    {
        var clock = Stopwatch.StartNew();
        var corpus = CorpusLoader.Load(Options.Roots, Corpus);
        var loadTime = clock.Elapsed;
        SyncReport sync;
        lock (_gate)
        {
            try
            {
                sync = _index.Sync(corpus) with { Parsed = corpus.ParsedCount, FromCache = corpus.CachedCount };
            }
            catch (Exception ex) when (IsStorageError(ex) && IndexProblem is null)
            {
                // The data folder went away or became read-only while serving: keep serving from memory.
                _index.Dispose();
                (_index, sync, var problem) = InMemory(Options.IndexPath, ex, corpus);
                _search = new SearchService(_index);
                IndexProblem = problem;
            }

            corpus.ReleaseBodies();
            Corpus = corpus;
            LastSync = sync;
            LoadTime = loadTime;
        }

        Reloaded?.Invoke(corpus);
        return sync;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _index.Dispose();
        }
    }
}
