using LlmPrep.Core;
using Microsoft.Extensions.Logging;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Opens the study library once, on a background thread: <see cref="CorpusWatcher"/> starts it when the host
/// starts, so neither <c>initialize</c> nor <c>server/discover</c> waits for the corpus to be parsed and the index
/// synced. Handlers await <see cref="GetAsync"/>, which starts the load if nothing has yet.
/// </summary>
public sealed class LibraryHost : IDisposable
{
    private readonly Lazy<Task<StudyLibrary>> _library;

    public LibraryHost(ServerSettings settings, ILogger<LibraryHost> logger)
    {
        Settings = settings;
        _library = new Lazy<Task<StudyLibrary>>(() => Task.Run(() =>
        {
            var library = StudyLibrary.Open(settings.Library);
            var sync = library.LastSync;
            logger.LogInformation(
                "Corpus: {Notes} notes, {Cards} cards, {Problems} problems, loaded in {Load:F0} ms; index {Mode}: +{Added} ~{Updated} -{Removed} ={Unchanged} in {Sync:F0} ms",
                library.Corpus.Notes.Count, library.Corpus.Cards.Count(), library.Corpus.Problems.Count, library.LoadTime.TotalMilliseconds,
                sync.Rebuilt ? "rebuilt" : "synced", sync.Added, sync.Updated, sync.Removed, sync.Unchanged, sync.Elapsed.TotalMilliseconds);
            if (library.IndexWarning is { } warning)
            {
                logger.LogWarning("{Warning}", warning);
            }

            var errors = library.Corpus.Problems.Where(p => p.Severity == Core.Corpus.ProblemSeverity.Error).ToList();
            foreach (var line in Core.Corpus.ProblemReport.ByFile(errors).Take(CorpusWatcher.MaxLoggedFiles))
            {
                logger.LogWarning("{Problems}", line);
            }

            return library;
        }));
    }

    public ServerSettings Settings { get; }

    /// <summary>True once the library opened successfully.</summary>
    public bool IsLoaded => _library.IsValueCreated && _library.Value.IsCompletedSuccessfully;

    /// <summary>Starts opening the library without waiting for it.</summary>
    public void Start()
    {
        _ = _library.Value;
    }

    public Task<StudyLibrary> GetAsync(CancellationToken cancellationToken = default)
    {
        Start();
        return _library.Value.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (_library.IsValueCreated && _library.Value.IsCompletedSuccessfully)
        {
            _library.Value.Result.Dispose();
        }
    }
}
