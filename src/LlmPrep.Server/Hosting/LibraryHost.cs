using LlmPrep.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Opens the study library once, on a background thread, started once the server has sent its first answer (see
/// <see cref="StartAfterFirstAnswer"/>), so the first answer (<c>initialize</c> or <c>server/discover</c>) shares the
/// machine with no corpus work and never waits for the corpus to be parsed and the index synced. Handlers await
/// <see cref="GetAsync"/>, which starts the load if nothing has yet.
/// </summary>
public sealed class LibraryHost : IDisposable
{
    private readonly Lazy<Task<StudyLibrary>> _library;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>Completes once something has started opening the library.</summary>
    public Task Started => _started.Task;

    /// <summary>
    /// An outgoing message filter: once the server's first message is on its way (the answer to <c>initialize</c>,
    /// or to whatever a client that skips the handshake asks first), the library starts opening in the background.
    /// </summary>
    public static McpMessageFilter StartAfterFirstAnswer => next => async (context, cancellationToken) =>
    {
        await next(context, cancellationToken);
        context.Server.Services?.GetService<LibraryHost>()?.Start();
    };

    /// <summary>
    /// An outgoing message filter: once an answer is on its way, a large vault's library collects the garbage it left
    /// (see <see cref="StudyLibrary.CollectAnswerGarbage"/>).
    /// </summary>
    public static McpMessageFilter CollectAfterAnswer => next => async (context, cancellationToken) =>
    {
        await next(context, cancellationToken);
        if (context.JsonRpcMessage is JsonRpcResponse or JsonRpcError)
        {
            context.Server.Services?.GetService<LibraryHost>()?.CollectAnswerGarbage();
        }
    };

    /// <summary>Collects what the last answer left behind, when the library is open and large.</summary>
    /// <returns>True when it collected.</returns>
    public bool CollectAnswerGarbage() => IsLoaded && _library.Value.Result.CollectAnswerGarbage();

    /// <summary>Starts opening the library without waiting for it.</summary>
    public void Start()
    {
        _ = _library.Value;
        _started.TrySetResult();
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
