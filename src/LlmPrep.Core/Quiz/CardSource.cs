using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>Finds the section of a note that teaches a card: the body section sharing the most terms with its key points.</summary>
public static class CardSource
{
    public static string UriFor(Note note, QuizCard card)
    {
        var wanted = TextTerms.Of(string.Join(' ', card.KeyPoints.Prepend(card.Question)));
        var quizLine = note.Sections.FirstOrDefault(s => s.Depth == 2 && s.Heading.Equals("Quiz", StringComparison.OrdinalIgnoreCase))?.Line ?? int.MaxValue;
        var best = note.Sections
            .Where(s => s.Depth >= 2 && s.Line < quizLine)
            .Select(s => (Section: s, Overlap: TextTerms.Of(s.Heading + " " + s.OwnText).Count(wanted.Contains)))
            .Where(x => x.Overlap > 0)
            .OrderByDescending(x => x.Overlap)
            .ThenBy(x => x.Section.Line)
            .FirstOrDefault();
        return NoteUri.For(note, best.Section?.Anchor);
    }
}
