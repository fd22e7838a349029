namespace LlmPrep.Core.Corpus;

/// <summary>A page of a note's (or a section's) markdown, cut to a character budget at a paragraph or line break.</summary>
/// <param name="Text">The markdown of this page.</param>
/// <param name="Offset">Where this page starts in the full text.</param>
/// <param name="NextOffset">Where the next page starts, or null on the last page.</param>
/// <param name="TotalChars">Length of the full text.</param>
public sealed record NotePage(string Text, int Offset, int? NextOffset, int TotalChars)
{
    public static NotePage Cut(string text, int offset, int maxChars)
    {
        if (offset < 0 || offset > text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"offset {offset} is outside the text (0 to {text.Length})");
        }

        var end = Math.Min(text.Length, offset + maxChars);
        if (end < text.Length)
        {
            var window = text.AsSpan(offset, end - offset);
            var paragraph = window.LastIndexOf("\n\n");
            var line = window.LastIndexOf('\n');
            var cut = paragraph > maxChars / 2 ? paragraph + 2 : line > maxChars / 2 ? line + 1 : window.Length;
            end = offset + cut;
        }

        return new NotePage(text[offset..end], offset, end < text.Length ? end : null, text.Length);
    }
}
