namespace LlmPrep.Core.Corpus;

/// <summary>Maps character offsets of a text to 1-based line numbers.</summary>
internal sealed class LineIndex
{
    private readonly List<int> _lineStarts = [0];

    public LineIndex(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public int LineOf(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
