namespace LlmPrep.Core.Quiz;

/// <summary>A question to ask, without its answer.</summary>
/// <param name="CardId">Pass it to quiz_answer, quiz_reveal or quiz_rate.</param>
/// <param name="Question">What to ask the person, word for word.</param>
/// <param name="NoteId">The note that teaches the answer.</param>
/// <param name="NoteTitle">Its title.</param>
/// <param name="NoteUri">Its URI (read it after answering, not before).</param>
/// <param name="Section">The note's section folder.</param>
/// <param name="Level">beginner, intermediate, advanced or expert.</param>
/// <param name="Priority">must, good or nice.</param>
/// <param name="State">new, learning, review or relearning.</param>
/// <param name="KeyPointCount">How many key points a full answer covers.</param>
public sealed record QuizQuestion(
    string CardId,
    string Question,
    string NoteId,
    string NoteTitle,
    string NoteUri,
    string Section,
    string Level,
    string Priority,
    string State,
    int KeyPointCount);

/// <summary>The next card to ask, and how much is left.</summary>
/// <param name="Card">The question, or null when nothing is due and no new cards remain in scope.</param>
/// <param name="DueCount">Reviews due now in scope (including this card if it is one).</param>
/// <param name="NewCount">Cards never studied in scope.</param>
/// <param name="NextDue">When the next review in scope falls due, if any.</param>
/// <param name="Message">One line for the assistant to relay.</param>
public sealed record QuizNextResult(QuizQuestion? Card, int DueCount, int NewCount, DateTimeOffset? NextDue, string Message);

/// <summary>The graded, recorded result of an answer.</summary>
/// <param name="CardId">The card.</param>
/// <param name="ReviewId">The stored review (quiz_rate amends it).</param>
/// <param name="Score">Share of key points covered, 0 to 1.</param>
/// <param name="Rating">again, hard, good or easy: what scheduled the card.</param>
/// <param name="Grader">Who judged it: sampling (the client's model), endpoint (a configured model), key_points (word matching), assistant (the host's model through quiz_rate), person (the person's verdict) or self (the person's own rating).</param>
/// <param name="Covered">Key points the answer covered.</param>
/// <param name="Missed">Key points the answer missed.</param>
/// <param name="Feedback">Short feedback for the person.</param>
/// <param name="ReferenceAnswer">What a strong candidate would say.</param>
/// <param name="KeyPoints">Every key point of the card.</param>
/// <param name="SourceUri">The note section that teaches this card.</param>
/// <param name="NextDue">When the card is due again.</param>
/// <param name="IntervalDays">Days until then (0 for a same-day learning step).</param>
/// <param name="Instruction">What the assistant should do next, when its own judgement is wanted.</param>
/// <param name="KeyPointStatuses">The verdict on each key point, in the order of <paramref name="KeyPoints"/>: covered, partly, missed or contradicted.</param>
/// <param name="FalseClaims">False claims the judge found in the answer.</param>
/// <param name="Judgement">final, or provisional while the rating awaits the host model's verdict through quiz_rate.</param>
/// <param name="KeyPointVerdicts">The judge's status for each key point and the words of the answer it rests on; null when the rating was not judged point by point.</param>
/// <param name="Confidence">How sure the judge is, 0 to 1; null when it does not say.</param>
/// <param name="ConfidenceLevel">high, medium or low; null when the judge gives no confidence.</param>
/// <param name="AlreadyRecorded">True when this was a repeated call with the same answer: the earlier review is returned and nothing was added.</param>
public sealed record AnswerOutcome(
    string CardId,
    long ReviewId,
    double? Score,
    string Rating,
    string Grader,
    IReadOnlyList<string> Covered,
    IReadOnlyList<string> Missed,
    string Feedback,
    string ReferenceAnswer,
    IReadOnlyList<string> KeyPoints,
    string SourceUri,
    DateTimeOffset NextDue,
    int IntervalDays,
    string? Instruction,
    IReadOnlyList<string> KeyPointStatuses,
    IReadOnlyList<string> FalseClaims,
    string Judgement,
    IReadOnlyList<KeyPointResult>? KeyPointVerdicts = null,
    double? Confidence = null,
    string? ConfidenceLevel = null,
    bool AlreadyRecorded = false);

/// <summary>What a judge found for one key point.</summary>
/// <param name="KeyPoint">The key point, as on the card.</param>
/// <param name="Status">covered, partly, missed or contradicted.</param>
/// <param name="Evidence">The answer's words that matched ("matched: …") and, for a contradiction, why.</param>
public sealed record KeyPointResult(string KeyPoint, string Status, string? Evidence)
{
    public static KeyPointResult From(KeyPointVerdict verdict) =>
        new(verdict.KeyPoint, verdict.Status.ToString().ToLowerInvariant(), string.IsNullOrEmpty(verdict.Evidence) ? null : verdict.Evidence);
}

/// <summary>A card's answer, shown on request.</summary>
/// <param name="CardId">The card.</param>
/// <param name="Question">Its question.</param>
/// <param name="ReferenceAnswer">What a strong candidate would say.</param>
/// <param name="KeyPoints">What a grader checks for.</param>
/// <param name="SourceUri">The note section that teaches it.</param>
/// <param name="CountedAsFailed">True when the card had not just been answered, so the reveal was recorded as an Again review.</param>
/// <param name="NextDue">When the card is due again.</param>
public sealed record RevealOutcome(
    string CardId,
    string Question,
    string ReferenceAnswer,
    IReadOnlyList<string> KeyPoints,
    string SourceUri,
    bool CountedAsFailed,
    DateTimeOffset? NextDue);
