using System.Collections.Concurrent;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Index;

/// <summary>
/// Makes the files a sync writes ready, in order. Past a few files this runs on another thread a little ahead of
/// the one that writes, so reading bodies back and cutting sections overlaps the index's own work.
/// </summary>
internal sealed class PreparedFiles : IDisposable
{
    /// <summary>How many files may wait ready ahead of the writer (bounds the text held at once).</summary>
    private const int Ahead = 256;

    /// <summary>Fewer files than this are made ready on the writing thread.</summary>
    public const int Overlapped = 64;

    private readonly IEnumerable<(NoteFile File, bool Replaces, ParsedFile? Parse)> _writes;
    private readonly bool _overlap;
    private readonly CancellationTokenSource _stop = new();
    private BlockingCollection<PreparedFile>? _ready;
    private Task? _producer;

    /// <param name="writes">The files to write, in order; the sequence may wait for each (see <see cref="ParseFeed"/>).</param>
    /// <param name="overlap">Make them ready on another thread (worth it past <see cref="Overlapped"/> files).</param>
    public PreparedFiles(IEnumerable<(NoteFile File, bool Replaces, ParsedFile? Parse)> writes, bool overlap)
    {
        _writes = writes;
        _overlap = overlap;
    }

    /// <summary>The files, each made ready, in the order given.</summary>
    public IEnumerable<PreparedFile> InOrder()
    {
        if (!_overlap)
        {
            foreach (var (file, replaces, parse) in _writes)
            {
                yield return PreparedFile.Of(file, replaces, parse);
            }

            yield break;
        }

        _ready = new BlockingCollection<PreparedFile>(Ahead);
        var ready = _ready;
        var token = _stop.Token;
        _producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var (file, replaces, parse) in _writes)
                    {
                        ready.Add(PreparedFile.Of(file, replaces, parse), token);
                    }
                }
                finally
                {
                    ready.CompleteAdding();
                }
            },
            token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        foreach (var prepared in ready.GetConsumingEnumerable(token))
        {
            yield return prepared;
        }

        // A failure while making files ready surfaces here, not as a shorter list.
        _producer.GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _producer?.Wait();
        }
        catch (AggregateException)
        {
            // Stopped early because the writer failed: the writer's own error is the one that counts.
        }

        _ready?.Dispose();
        _stop.Dispose();
    }
}
