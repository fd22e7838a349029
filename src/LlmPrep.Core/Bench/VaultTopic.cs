using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Bench;

/// <summary>
/// One real note as the source of a synthetic note's words: its prose as a sequence of words (markup, links and code
/// left out), its headings and the lines of its code blocks.
/// </summary>
public sealed record VaultTopic(string[] Words, string[] Headings, string[] CodeLines)
{
    private const string WordMarks = "-_.'/+";

    /// <summary>Headings that carry cards in a note; a generated note places its own.</summary>
    private static readonly HashSet<string> CardHeadings = new(["Quiz", "Flashcards", "Key points", "Cards"], StringComparer.OrdinalIgnoreCase);

    public static VaultTopic Of(Note note)
    {
        var words = new List<string>();
        var code = new List<string>();
        foreach (var section in note.Sections)
        {
            var inCode = false;
            foreach (var line in section.OwnText.Split('\n'))
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = !inCode;
                }
                else if (inCode)
                {
                    if (line.Trim().Length > 0 && line.Length <= 100)
                    {
                        code.Add(line.TrimEnd());
                    }
                }
                else
                {
                    words.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Word).Where(w => w.Length > 0));
                }
            }
        }

        var headings = note.Sections.Where(s => s.Depth >= 2).Select(s => s.Heading).Append(note.Title).Select(h => h.Trim())
            .Where(h => h.Length is > 0 and <= 40 && !CardHeadings.Contains(h) && h.All(c => char.IsLetterOrDigit(c) || c == ' ' || WordMarks.Contains(c))).Distinct();
        return new VaultTopic([.. words], [.. headings], [.. code]);
    }

    /// <summary>A token as a word: without the punctuation and emphasis around it; nothing when markup or a link is left inside.</summary>
    private static string Word(string token)
    {
        var word = token.Trim().Trim(['*', '_', '`', '"', '(', ')', '[', ']', ',', '.', ':', ';', '!', '?', '\'', '“', '”', '‘', '’']);
        return word.Length > 0 && char.IsLetterOrDigit(word[0]) && word.All(c => char.IsLetterOrDigit(c) || WordMarks.Contains(c)) ? word : "";
    }
}
