using System.Globalization;

namespace LlmPrep.Core.Corpus;

/// <summary>What a corpus holds, in numbers: kept beside the index so a sync that finds nothing changed can report them without loading the notes.</summary>
/// <param name="Notes">Notes served.</param>
/// <param name="Sections">Section folders.</param>
/// <param name="Cards">Quiz cards.</param>
/// <param name="Errors">Problems of error severity.</param>
/// <param name="Warnings">Problems of warning severity.</param>
public sealed record CorpusCounts(int Notes, int Sections, int Cards, int Errors, int Warnings)
{
    public static CorpusCounts Of(CorpusSnapshot corpus) =>
        new(corpus.Notes.Count, corpus.Sections.Count, corpus.Notes.Sum(n => n.Cards.Count), corpus.ErrorCount, corpus.Problems.Count - corpus.ErrorCount);

    /// <summary>The counts as stored: five whole numbers separated by spaces.</summary>
    public string ToText() => string.Create(CultureInfo.InvariantCulture, $"{Notes} {Sections} {Cards} {Errors} {Warnings}");

    /// <summary>Reads <see cref="ToText"/>; null for anything else.</summary>
    public static CorpusCounts? Parse(string? text)
    {
        var parts = text?.Split(' ') ?? [];
        var numbers = new int[5];
        if (parts.Length != numbers.Length)
        {
            return null;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new CorpusCounts(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]);
    }
}
