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
    private readonly NoteIndex _index;
    private readonly SearchService _search;

    private StudyLibrary(LibraryOptions options, CorpusSnapshot corpus, NoteIndex index, SyncReport sync, TimeSpan loadTime)
    {
        Options = options;
        Corpus = corpus;
        _index = index;
        _search = new SearchService(index);
        LastSync = sync;
        LoadTime = loadTime;
    }

    public LibraryOptions Options { get; }

    public CorpusSnapshot Corpus { get; private set; }

    public SyncReport LastSync { get; private set; }

    /// <summary>Time spent reading and parsing the notes at the last load.</summary>
    public TimeSpan LoadTime { get; private set; }

    /// <summary>Raised after <see cref="Reload"/> replaced the corpus.</summary>
    public event Action<CorpusSnapshot>? Reloaded;

    public static StudyLibrary Open(LibraryOptions options)
    {
        var clock = Stopwatch.StartNew();
        var corpus = CorpusLoader.Load(options.Roots);
        var loadTime = clock.Elapsed;
        var index = NoteIndex.Open(options.IndexPath);
        var sync = index.Sync(corpus.Files);
        return new StudyLibrary(options, corpus, index, sync, loadTime);
    }

    public SearchResult Search(SearchRequest request)
    {
        var corpus = Corpus;
        lock (_gate)
        {
            return _search.Search(corpus, request);
        }
    }

    /// <summary>Re-reads what changed under the corpus roots and syncs the index with it.</summary>
    public SyncReport Reload()
    {
        var clock = Stopwatch.StartNew();
        var corpus = CorpusLoader.Load(Options.Roots, Corpus);
        var loadTime = clock.Elapsed;
        SyncReport sync;
        lock (_gate)
        {
            sync = _index.Sync(corpus.Files);
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
