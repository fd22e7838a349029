using System.Text;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Texts written one after another into one reusable array of characters, each read back as a span: for going over
/// every card's key points in a large vault without making a string of each. Cleared and filled again for the next.
/// </summary>
internal sealed class TextBuffer
{
    private readonly List<(int Start, int Length)> _texts = [];
    private char[] _chars = new char[1024];
    private int _used;

    public int Count => _texts.Count;

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_texts[index].Start, _texts[index].Length);

    public void Clear()
    {
        _texts.Clear();
        _used = 0;
    }

    public void Add(ReadOnlySpan<char> text) => text.CopyTo(Room(text.Length));

    /// <summary>Adds the text these UTF-8 bytes spell (a byte that is not UTF-8 reads as U+FFFD, as a string made of them would).</summary>
    public void AddUtf8(ReadOnlySpan<byte> utf8)
    {
        var room = Room(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        var length = Encoding.UTF8.GetChars(utf8, room);
        _used -= room.Length - length;
        _texts[^1] = (_texts[^1].Start, length);
    }

    /// <summary>Space for a text of <paramref name="length"/> characters at the end, taken as the last text.</summary>
    private Span<char> Room(int length)
    {
        if (_used + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + length));
        }

        var room = _chars.AsSpan(_used, length);
        _texts.Add((_used, length));
        _used += length;
        return room;
    }
}
