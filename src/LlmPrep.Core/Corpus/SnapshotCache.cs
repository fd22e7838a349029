using System.Runtime.CompilerServices;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Something worked out once per corpus snapshot (a grader's alias map, the topic names): the first caller builds it
/// while any others asking at the same moment wait for that one build, and it is dropped with its snapshot.
/// </summary>
public sealed class SnapshotCache<T>(Func<CorpusSnapshot, T> build)
    where T : class
{
    private readonly ConditionalWeakTable<CorpusSnapshot, Slot> _slots = [];

    public T For(CorpusSnapshot corpus) => _slots.GetValue(corpus, static _ => new Slot()).Get(corpus, build);

    /// <summary>Starts the build on the thread pool, unless it has started already, and returns at once; a caller of
    /// <see cref="For"/> meanwhile waits for that build. A build that fails here is left for the next caller, whose own
    /// build reports the error.</summary>
    public void BuildInBackground(CorpusSnapshot corpus)
    {
        var slot = _slots.GetValue(corpus, static _ => new Slot());
        if (slot.Claim())
        {
            ThreadPool.UnsafeQueueUserWorkItem(static work => work.Slot.GetIgnoringFailure(work.Corpus, work.Build), (Slot: slot, Corpus: corpus, Build: build), preferLocal: false);
        }
    }

    /// <summary>Whether the value for this snapshot is built.</summary>
    internal bool IsBuilt(CorpusSnapshot corpus) => _slots.TryGetValue(corpus, out var slot) && slot.IsBuilt;

    private sealed class Slot
    {
        private readonly Lock _gate = new();
        private T? _value;
        private int _claimed;

        public bool IsBuilt => Volatile.Read(ref _value) is not null;

        /// <summary>True for the first caller only, and never once the value is built.</summary>
        public bool Claim() => !IsBuilt && Interlocked.Exchange(ref _claimed, 1) == 0;

        public void GetIgnoringFailure(CorpusSnapshot corpus, Func<CorpusSnapshot, T> build)
        {
            try
            {
                Get(corpus, build);
            }
#pragma warning disable CA1031 // a background build must not end the process: the next caller builds again and reports it
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        public T Get(CorpusSnapshot corpus, Func<CorpusSnapshot, T> build)
        {
            if (Volatile.Read(ref _value) is { } built)
            {
                return built;
            }

            lock (_gate)
            {
                return _value ??= build(corpus);
            }
        }
    }
}
