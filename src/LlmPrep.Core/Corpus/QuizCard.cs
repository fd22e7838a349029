namespace LlmPrep.Core.Corpus;

/// <summary>A flashcard from a note's <c>## Quiz</c> section (or an Obsidian spaced-repetition card).</summary>
/// <param name="Id">Stable id: <c>&lt;note id&gt;/&lt;slug of the question&gt;</c>.</param>
/// <param name="NoteId">The note the card belongs to; its answer is found there.</param>
/// <param name="Question">What the interviewer asks.</param>
/// <param name="Answer">The reference answer.</param>
/// <param name="KeyPoints">What a grader checks for.</param>
/// <param name="Line">1-based line of the question in the file.</param>
public sealed record QuizCard(string Id, string NoteId, string Question, string Answer, IReadOnlyList<string> KeyPoints, int Line);
