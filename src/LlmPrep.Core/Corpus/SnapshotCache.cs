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

    private sealed class Slot
    {
        private readonly Lock _gate = new();
        private T? _value;

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
