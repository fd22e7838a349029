namespace LlmPrep.Core.Corpus;

/// <summary>A flashcard from a note's <c>## Quiz</c> section (or an Obsidian spaced-repetition card).</summary>
/// <param name="Id">Stable id: <c>&lt;note id&gt;/&lt;slug of the question&gt;</c>.</param>
/// <param name="NoteId">The note the card belongs to; its answer is found there.</param>
/// <param name="Question">What the interviewer asks.</param>
/// <param name="Answer">The reference answer.</param>
/// <param name="KeyPoints">What a grader checks for.</param>
/// <param name="Line">1-based line of the question in the file.</param>
public sealed record QuizCard(string Id, string NoteId, string Question, string Answer, IReadOnlyList<string> KeyPoints, int Line)
{
    private readonly CompactList _keyPoints = CompactList.Of(KeyPoints);
    private readonly CompactText _question = CompactText.Of(Question);
    private readonly CompactText _answer = CompactText.Of(Answer);

    /// <summary>What the interviewer asks (held as UTF-8, made a string when read).</summary>
    public string Question
    {
        get => _question.Text;
        init => _question = CompactText.Of(value);
    }

    /// <summary>The reference answer (held as UTF-8, made a string when read).</summary>
    public string Answer
    {
        get => _answer.Text;
        init => _answer = CompactText.Of(value);
    }

    /// <summary>What a grader checks for: the card's own key points (held as UTF-8, made strings when read), or for a
    /// card that has none (a vault card) the answer's sentences, worked out from the answer each time they are asked
    /// for rather than held.</summary>
    public IReadOnlyList<string> KeyPoints
    {
        get => _keyPoints.List ?? SpacedRepetitionCards.KeyPointsOf(Answer);
        init => _keyPoints = CompactList.Of(value);
    }

    /// <summary>True when the key points are the answer's sentences rather than the card's own.</summary>
    internal bool KeyPointsFromAnswer => _keyPoints.IsNull;

    /// <summary>A card without key points of its own: a grader checks the answer's sentences.</summary>
    internal static QuizCard FromAnswer(string id, string noteId, string question, string answer, int line) =>
        new(id, noteId, question, answer, null!, line);
}
