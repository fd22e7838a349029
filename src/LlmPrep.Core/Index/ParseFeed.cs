using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Index;

/// <summary>
/// Hands each file's parse from the loader (any thread, any order) to a full index build that takes them in scan
/// order while the rest are still being parsed. Each parse is held only until it is taken.
/// </summary>
internal sealed class ParseFeed
{
    private readonly ParsedFile?[] _slots;
    private readonly object _gate = new();
    private bool _complete;

    public ParseFeed(int count)
    {
        _slots = new ParsedFile?[count];
    }

    public int Count => _slots.Length;

    /// <summary>The parse of file <paramref name="index"/> (in scan order) is ready.</summary>
    public void Put(int index, ParsedFile parsed)
    {
        lock (_gate)
        {
            _slots[index] = parsed;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The loader is done, or failed: no more parses come.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _complete = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits for the parse of file <paramref name="index"/>; null when the loader ended without it.</summary>
    public ParsedFile? Take(int index)
    {
        lock (_gate)
        {
            while (_slots[index] is null && !_complete)
            {
                Monitor.Wait(_gate);
            }

            var parsed = _slots[index];
            _slots[index] = null;
            return parsed;
        }
    }
}
