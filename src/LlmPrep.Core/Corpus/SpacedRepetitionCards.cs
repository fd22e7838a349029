using System.Text.RegularExpressions;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Reads flashcards written in the Obsidian Spaced Repetition plugin's syntax:
/// <c>question::answer</c>, <c>question:::answer</c> (also reversed), and multi-line cards whose
/// question and answer are separated by a line holding only <c>?</c> (or <c>??</c> for both ways).
/// </summary>
public static partial class SpacedRepetitionCards
{
    public static IEnumerable<QuizCard> Read(string body, int lineOffset, string noteId, IReadOnlyList<(int Start, int End)> codeSpans)
    {
        var lines = body.Split('\n');
        var inCode = new bool[lines.Length];
        var offset = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            inCode[i] = codeSpans.Any(s => offset >= s.Start && offset <= s.End);
            offset += lines[i].Length + 1;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var cards = new List<QuizCard>();

        void Add(string question, string answer, int line)
        {
            question = question.Trim();
            answer = answer.Trim();
            if (question.Length == 0 || answer.Length == 0)
            {
                return;
            }

            var id = $"{noteId}/{Slug.Unique(Slug.From(question), taken)}";
            cards.Add(new QuizCard(id, noteId, question, answer, KeyPointsOf(answer), line + lineOffset + 1));
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (inCode[i])
            {
                continue;
            }

            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed is "?" or "??")
            {
                var start = i;
                while (start > 0 && lines[start - 1].Trim().Length > 0 && !inCode[start - 1] && !lines[start - 1].TrimStart().StartsWith('#'))
                {
                    start--;
                }

                var end = i + 1;
                while (end < lines.Length && lines[end].Trim().Length > 0 && !inCode[end])
                {
                    end++;
                }

                var question = string.Join('\n', lines[start..i]);
                var answer = string.Join('\n', lines[(i + 1)..end]);
                Add(question, answer, start);
                if (trimmed == "??")
                {
                    Add(answer, question, start);
                }

                i = end;
                continue;
            }

            var match = InlineCard().Match(line);
            if (match.Success)
            {
                var question = match.Groups["q"].Value;
                var answer = match.Groups["a"].Value;
                Add(question, answer, i);
                if (match.Groups["sep"].Value == ":::")
                {
                    Add(answer, question, i);
                }
            }
        }

        return cards;
    }

    /// <summary>Vault cards carry no key points, so the answer's sentences (or the answer itself) stand in for them.</summary>
    private static List<string> KeyPointsOf(string answer)
    {
        var sentences = Sentence().Split(answer)
            .Select(s => s.Trim().TrimStart('-', '*', ' '))
            .Where(s => s.Length > 0)
            .Take(NoteParser.MaxKeyPoints)
            .ToList();
        return sentences.Count > 0 ? sentences : [answer];
    }

    [GeneratedRegex(@"^(?<q>[^:`]+?)\s*(?<sep>:::|::)\s*(?<a>[^:].*)$")]
    private static partial Regex InlineCard();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n")]
    private static partial Regex Sentence();
}
