using LlmPrep.Core.Corpus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Watches the corpus folders while the server runs. A burst of file changes is debounced, the library
/// reloads (the index syncs only the files that changed), and subscribed clients are notified of the
/// notes that changed, plus a list change when notes appeared or disappeared.
/// </summary>
public sealed class CorpusWatcher(LibraryHost library, ResourceSubscriptions subscriptions, ILogger<CorpusWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);

    private readonly TaskCompletionSource _watching = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the corpus is loaded and its folders are watched (or could not be), so a subscription acknowledged after it misses no change.</summary>
    public Task Watching => _watching.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The corpus starts loading once the server has answered its first message, whichever revision the client
        // speaks (a 2026-07-28 client sends no initialize and no notifications/initialized), or when a request needs it.
        await Task.Yield();
        Core.StudyLibrary lib;
        try
        {
            await library.Started.WaitAsync(stoppingToken);
            lib = await library.GetAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The tools report why the library cannot open; the server keeps running without live reload.
            logger.LogWarning("Live reload is off: the corpus could not be loaded ({Reason})", ex.Message);
            return;
        }
        finally
        {
            // Nothing to watch without a library; subscribers must not wait for it.
            if (!library.IsLoaded)
            {
                _watching.TrySetResult();
            }
        }

        var changes = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var watchers = new List<FileSystemWatcher>();
        try
        {
            foreach (var root in lib.Options.Roots.Where(r => Directory.Exists(r.Directory)))
            {
                var watcher = new FileSystemWatcher(root.Directory)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                };
                watcher.Changed += (_, e) => changes.Writer.TryWrite(e.FullPath);
                watcher.Created += (_, e) => changes.Writer.TryWrite(e.FullPath);
                watcher.Deleted += (_, e) => changes.Writer.TryWrite(e.FullPath);
                watcher.Renamed += (_, e) => changes.Writer.TryWrite(e.FullPath);
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }

            _watching.TrySetResult();

            while (await changes.Reader.WaitToReadAsync(stoppingToken))
            {
                // Let a save (or a git checkout) finish, then take everything that piled up.
                await Task.Delay(Debounce, stoppingToken);
                while (changes.Reader.TryRead(out _))
                {
                }

                try
                {
                    await ReloadAsync(lib, stoppingToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
                {
                    logger.LogWarning("Reload failed; still serving the notes as they were: {Reason}", ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _watching.TrySetResult();
            foreach (var watcher in watchers)
            {
                watcher.Dispose();
            }
        }
    }

    private async Task ReloadAsync(Core.StudyLibrary lib, CancellationToken cancellationToken)
    {
        var before = lib.Corpus;
        var hadIndexProblem = lib.IndexProblem is not null;
        var sync = lib.Reload();
        var after = lib.Corpus;
        if (!hadIndexProblem && lib.IndexWarning is { } indexWarning)
        {
            logger.LogWarning("{Warning}", indexWarning);
        }

        if (sync.Added + sync.Updated + sync.Removed == 0)
        {
            return;
        }

        var oldHashes = before.Files.Where(f => f.Note is not null).ToDictionary(f => f.Note!.Path, f => f.Hash, StringComparer.OrdinalIgnoreCase);
        var newHashes = after.Files.Where(f => f.Note is not null).ToDictionary(f => f.Note!.Path, f => f.Hash, StringComparer.OrdinalIgnoreCase);
        var changed = newHashes.Where(p => !oldHashes.TryGetValue(p.Key, out var hash) || hash != p.Value).Select(p => p.Key)
            .Concat(oldHashes.Keys.Where(p => !newHashes.ContainsKey(p)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var listChanged = !oldHashes.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(newHashes.Keys);
        LogProblems(before, after, changed, sync);

        await subscriptions.NotifyAsync(
            uri => uri is "llmprep://outline" or "llmprep://study-plan" or "llmprep://glossary" or ProblemReport.ResourceUri || AffectsNote(uri, changed),
            listChanged,
            cancellationToken);
    }

    /// <summary>
    /// The count, then the problems of every file that changed or gained a problem, one line per file, so a person
    /// editing a note sees what is wrong with it without opening anything.
    /// </summary>
    private void LogProblems(CorpusSnapshot before, CorpusSnapshot after, HashSet<string> changedNotes, Core.Index.SyncReport sync)
    {
        var known = before.Problems.ToHashSet();
        var current = after.Problems.ToHashSet();
        var fixedCount = known.Count(p => !current.Contains(p));
        var files = after.Problems.Where(p => !known.Contains(p)).Select(p => p.File)
            .Concat(after.Problems.Select(p => p.File).Where(f => changedNotes.Contains(f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? f[..^3] : f)))
            .ToHashSet(StringComparer.Ordinal);
        logger.LogInformation(
            "Corpus changed: +{Added} ~{Updated} -{Removed} files; {Problems} problems ({Listed} in the files below, {Fixed} fixed)",
            sync.Added, sync.Updated, sync.Removed, after.Problems.Count, after.Problems.Count(p => files.Contains(p.File)), fixedCount);
        foreach (var line in ProblemReport.ByFile(after.Problems.Where(p => files.Contains(p.File))).Take(MaxLoggedFiles))
        {
            logger.LogWarning("{Problems}", line);
        }
    }

    /// <summary>A reload logs the problems of at most this many files; the llmprep://problems resource lists them all.</summary>
    public const int MaxLoggedFiles = 20;

    private static bool AffectsNote(string uri, HashSet<string> changedPaths)
    {
        if (!uri.StartsWith(NoteUri.NotesPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var path = Uri.UnescapeDataString(uri[NoteUri.NotesPrefix.Length..].Split('#')[0]);
        return changedPaths.Contains(path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path);
    }
}
