namespace LlmPrep.Core.Corpus;

/// <summary>A stretch of a note's body: start and length in characters.</summary>
internal readonly record struct TextRange(int Start, int Length)
{
    /// <summary>The stretch of <paramref name="text"/>, cut to its bounds (a file changed since it was parsed gives a shorter text).</summary>
    public string Of(string text)
    {
        var start = Math.Min(Start, text.Length);
        return text.Substring(start, Math.Min(Length, text.Length - start));
    }

    /// <summary>The range of <c>text[start..end]</c> with surrounding white space trimmed, as <see cref="string.Trim()"/> would.</summary>
    public static TextRange Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextRange(start, end - start);
    }

    /// <summary>The range of <c>text[start..end]</c> with trailing white space trimmed, as <see cref="string.TrimEnd()"/> would.</summary>
    public static TextRange TrimmedEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return new TextRange(start, end - start);
    }
}
