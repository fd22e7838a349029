using System.Text.RegularExpressions;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Reads flashcards written in the Obsidian Spaced Repetition plugin's syntax:
/// <list type="bullet">
/// <item><c>question::answer</c> and reversed <c>question:::answer</c>, each ending at its line's end;</item>
/// <item>multi-line cards: question lines, a line holding only <c>?</c> (or <c>??</c> for both ways), answer lines,
/// ended by a blank line, a heading or the next card; the question starts after the previous blank line, heading or card,
/// so a multi-line card never takes in the single-line cards above it;</item>
/// <item>cloze deletions <c>==highlight==</c>, <c>**bold**</c> and <c>{{curly}}</c> in a note tagged <c>#flashcards</c>:
/// each deletion becomes a card whose question is its paragraph with that deletion hidden.</item>
/// </list>
/// Deck tags (<c>#flashcards</c>, <c>#flashcards/deck</c>) are never part of a card's text.
/// </summary>
public static partial class SpacedRepetitionCards
{
    private const string Hidden = "[...]";

    /// <summary>True for the plugin's deck tags: <c>flashcards</c> and <c>flashcards/anything</c> (without the <c>#</c>).</summary>
    public static bool IsDeckTag(string tag) =>
        tag.Equals("flashcards", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("flashcards/", StringComparison.OrdinalIgnoreCase);

    /// <param name="body">The note's markdown without front matter.</param>
    /// <param name="lineOffset">File line of body line 0, minus one.</param>
    /// <param name="noteId">The note's id, the prefix of every card id.</param>
    /// <param name="codeSpans">Character ranges of code blocks, where nothing is a card.</param>
    /// <param name="readClozes">True when the note carries a deck tag, so its highlights, bold text and curly braces are clozes.</param>
    /// <param name="warn">Receives a file line and a message for a separator that makes no card.</param>
    public static IReadOnlyList<QuizCard> Read(
        string body, int lineOffset, string noteId, IReadOnlyList<(int Start, int End)> codeSpans, bool readClozes = false, Action<int, string>? warn = null)
    {
        var lines = Classify(body, codeSpans);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var cards = new List<QuizCard>();
        var used = new bool[lines.Length];

        void Add(string question, string answer, int line, IReadOnlyList<string>? keyPoints = null)
        {
            question = WithoutDeckTags(question);
            answer = WithoutDeckTags(answer);
            if (question.Length == 0 || answer.Length == 0)
            {
                return;
            }

            var id = $"{noteId}/{Slug.Unique(Slug.From(question), taken)}";
            cards.Add(keyPoints is null
                ? QuizCard.FromAnswer(id, noteId, question, answer, line + lineOffset + 1)
                : new QuizCard(id, noteId, question, answer, keyPoints, line + lineOffset + 1));
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Kind == LineKind.Inline)
            {
                used[i] = true;
                Add(line.Match!.Groups["q"].Value, line.Match.Groups["a"].Value, i);
                if (line.Match.Groups["sep"].Value == ":::")
                {
                    Add(line.Match.Groups["a"].Value, line.Match.Groups["q"].Value, i);
                }
            }
            else if (line.Kind is LineKind.Separator or LineKind.ReversedSeparator)
            {
                var start = i;
                while (start > 0 && lines[start - 1].Kind == LineKind.Text && !used[start - 1])
                {
                    start--;
                }

                var end = i + 1;
                while (end < lines.Length && lines[end].Kind == LineKind.Text)
                {
                    end++;
                }

                // A '?' right below means the last text line is the next card's question.
                if (end < lines.Length && lines[end].Kind is LineKind.Separator or LineKind.ReversedSeparator && end - 1 > i + 1)
                {
                    end--;
                }

                for (var j = start; j < end; j++)
                {
                    used[j] = true;
                }

                var question = string.Join('\n', lines[start..i].Select(l => l.Text));
                var answer = string.Join('\n', lines[(i + 1)..end].Select(l => l.Text));
                if (WithoutDeckTags(question).Length == 0 || WithoutDeckTags(answer).Length == 0)
                {
                    var missing = WithoutDeckTags(question).Length == 0 ? "no question lines right above it" : "no answer lines right below it";
                    warn?.Invoke(i + lineOffset + 1, $"the '{line.Text.Trim()}' card separator has {missing}, so it makes no card");
                }

                Add(question, answer, start);
                if (line.Kind == LineKind.ReversedSeparator)
                {
                    Add(answer, question, start);
                }

                i = end - 1;
            }
        }

        if (readClozes)
        {
            ReadClozes(lines, used, Add);
        }

        return cards;
    }

    private static void ReadClozes(Line[] lines, bool[] used, Action<string, string, int, IReadOnlyList<string>?> add)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Kind != LineKind.Text || used[i])
            {
                continue;
            }

            var start = i;
            while (i + 1 < lines.Length && lines[i + 1].Kind == LineKind.Text && !used[i + 1])
            {
                i++;
            }

            var paragraph = string.Join('\n', lines[start..(i + 1)].Select(l => l.Text));
            var deletions = Cloze().Matches(paragraph);
            foreach (Match deletion in deletions)
            {
                var answer = ClozeText(deletion);
                if (answer.Trim().Length == 0)
                {
                    continue;
                }

                // Other deletions of the paragraph stay readable, as the plugin shows them.
                var question = Cloze().Replace(paragraph, m => m.Index == deletion.Index ? Hidden : ClozeText(m));
                add(question, answer, start, [answer.Trim()]);
            }
        }
    }

    private static string ClozeText(Match match) =>
        match.Groups["h"].Success ? match.Groups["h"].Value : match.Groups["b"].Success ? match.Groups["b"].Value : match.Groups["c"].Value;

    private static Line[] Classify(string body, IReadOnlyList<(int Start, int End)> codeSpans)
    {
        var texts = body.Split('\n');
        var lines = new Line[texts.Length];
        var offset = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i];
            var trimmed = text.Trim();
            var inCode = codeSpans.Any(s => offset >= s.Start && offset <= s.End);
            offset += text.Length + 1;
            Match? match = null;
            var kind = inCode ? LineKind.Boundary
                : trimmed.Length == 0 || Heading().IsMatch(text) || WithoutDeckTags(trimmed).Length == 0 ? LineKind.Boundary
                : trimmed == "?" ? LineKind.Separator
                : trimmed == "??" ? LineKind.ReversedSeparator
                : (match = InlineCard().Match(text)).Success ? LineKind.Inline
                : LineKind.Text;
            lines[i] = new Line(text, kind, match is { Success: true } ? match : null);
        }

        return lines;
    }

    private static string WithoutDeckTags(string text) => DeckTag().Replace(text, "").Trim();

    /// <summary>Vault cards carry no key points, so the answer's sentences (or the answer itself) stand in for them.</summary>
    internal static List<string> KeyPointsOf(string answer)
    {
        var points = new TextBuffer();
        AddKeyPointsOf(answer, points);
        var list = new List<string>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            list.Add(points[i].ToString());
        }

        return list;
    }

    /// <summary>Adds what <see cref="KeyPointsOf"/> gives for <paramref name="answer"/> to <paramref name="into"/>: up to
    /// <see cref="NoteParser.MaxKeyPoints"/> sentences (list marks trimmed), or the answer itself when it has none.</summary>
    internal static void AddKeyPointsOf(ReadOnlySpan<char> answer, TextBuffer into)
    {
        var found = 0;
        foreach (var range in Sentence().EnumerateSplits(answer))
        {
            var sentence = answer[range].Trim().TrimStart("-* ");
            if (sentence.Length > 0)
            {
                into.Add(sentence);
                if (++found == NoteParser.MaxKeyPoints)
                {
                    return;
                }
            }
        }

        if (found == 0)
        {
            into.Add(answer);
        }
    }

    private enum LineKind
    {
        /// <summary>Blank, a heading, a line of only tags, or code: ends every card.</summary>
        Boundary,
        Text,
        Inline,
        Separator,
        ReversedSeparator,
    }

    private sealed record Line(string Text, LineKind Kind, Match? Match);

    [GeneratedRegex(@"^(?<q>[^:`]+?)\s*(?<sep>:::|::)\s*(?<a>[^:].*)$")]
    private static partial Regex InlineCard();

    [GeneratedRegex(@"^\s{0,3}#{1,6}(\s|$)")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<=^|\s)#flashcards(/[\p{L}\p{N}_/-]*)?(?=\s|$)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex DeckTag();

    [GeneratedRegex(@"==(?<h>[^=\n]+?)==|\*\*(?<b>[^*\n]+?)\*\*|\{\{(?<c>[^{}\n]+?)\}\}")]
    private static partial Regex Cloze();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n")]
    private static partial Regex Sentence();
}
