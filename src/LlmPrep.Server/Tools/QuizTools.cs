using System.ComponentModel;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Grading;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Resources;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

[McpServerToolType]
public sealed class QuizTools(LibraryHost library, QuizHost quiz, ResourceSubscriptions subscriptions, ILogger<QuizTools> logger)
{
    public const int MaxAnswerLength = 20_000;

    private const string JudgeInstruction =
        "Graded by key-point matching, which can miss paraphrases. Compare the answer with the reference answer and key points " +
        "yourself; if the rating is wrong, call quiz_rate with this card_id and your rating (it replaces this review's rating). " +
        "Then tell the person what they missed and offer the source_uri note.";

    [McpServerTool(Name = "quiz_next", Title = "Next quiz question", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(QuizNextResult))]
    [Description("""
        Picks the next flashcard to ask: reviews that are due first (spaced repetition, FSRS), then new cards, must-know
        topics first, in study order. Narrow it with topic (e.g. "retrieval", "rag", "lora", a note id), section, level or
        priority. Returns the card_id and the question only, never the answer: ask the person the question word for word,
        wait for their answer, then call quiz_answer. card is null when nothing is due in that scope.
        """)]
    public async Task<CallToolResult> QuizNext(
        [Description("Topic words, a note id or a section, e.g. \"retrieval\", \"kv cache\", \"lora-qlora\".")] string? topic = null,
        [Description("Only this section: folder name, number (\"03\") or name.")] string? section = null,
        [Description("Only this level: beginner, intermediate, advanced or expert.")] string? level = null,
        [Description("Only this priority: must, good or nice.")] string? priority = null,
        CancellationToken cancellationToken = default)
    {
        var corpus = (await library.GetAsync(cancellationToken)).Corpus;
        return Run(() => quiz.Service.Next(corpus, new QuizScope(topic, section, level, priority)));
    }

    [McpServerTool(Name = "quiz_answer", Title = "Grade a quiz answer", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AnswerOutcome))]
    [Description("""
        Grades the person's answer to a card from quiz_next and records the review (saved before this returns), then schedules
        the card's next review. Pass their answer verbatim, or an empty string if they did not know. The result has the score,
        the rating (again/hard/good/easy), key points covered and missed, each key point's verdict (covered, partly, missed or
        contradicted) with the words it matched, the grade's confidence, feedback, the reference answer, the source note
        section and the next due date. When the client can sample, its model grades against a rubric; otherwise key points
        are matched and "instruction" asks you to check the rating and correct it with quiz_rate. self_rating, when the person
        gives their own, overrides the grade.
        """)]
    public async Task<CallToolResult> QuizAnswer(
        McpServer server,
        [Description("The card_id from quiz_next.")] string card_id,
        [Description("The person's answer, verbatim (empty if they did not know).")] string answer,
        [Description("The person's own rating, if they gave one: again, hard, good or easy.")] RatingName? self_rating = null,
        CancellationToken cancellationToken = default)
    {
        var lib = await library.GetAsync(cancellationToken);
        var corpus = lib.Corpus;
        if (FindCard(corpus, card_id) is not { } card)
        {
            return ToolResults.Error(UnknownCard(corpus, card_id));
        }

        answer ??= "";
        if (answer.Length > MaxAnswerLength)
        {
            return ToolResults.Error($"the answer is {answer.Length:N0} characters long; the limit is {MaxAnswerLength:N0}");
        }

        Grade? grade = null;
        string? fallback = null;
        if (self_rating is null && SamplingGrader.IsAvailable(server))
        {
            (grade, fallback) = await SamplingGrader.TryGradeAsync(server, card, answer, cancellationToken);
            if (fallback is not null)
            {
                logger.LogWarning("Sampling grade of {Card} fell back to key points: {Reason}", card.Id, fallback);
            }
        }

        grade ??= KeyPointGrader.For(corpus).Grade(card, answer);
        var instruction = grade.Grader == KeyPointGrader.Name && self_rating is null
            ? (fallback is null ? JudgeInstruction : $"Model grading was unavailable ({fallback}). {JudgeInstruction}")
            : null;
        return await RecordAsync(() => quiz.Service.Answer(corpus, card, answer, grade, (Rating?)self_rating, instruction), cancellationToken);
    }

    [McpServerTool(Name = "quiz_rate", Title = "Correct a quiz rating", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AnswerOutcome))]
    [Description("""
        Replaces the rating of the latest review of a card with your (or the person's) judgement and reschedules it, as if that
        rating had been given at the time. It amends the review quiz_answer recorded; it does not add a new one. Use it when
        the automatic grade was too harsh or too lenient: again = wrong or blank, hard = partly right, good = right with minor
        gaps, easy = complete and fluent.
        """)]
    public async Task<CallToolResult> QuizRate(
        [Description("The card_id that was just answered.")] string card_id,
        [Description("The corrected rating: again, hard, good or easy.")] RatingName rating,
        [Description("Optional: the review_id from quiz_answer, to make sure the right review is amended.")] long? review_id = null,
        CancellationToken cancellationToken = default)
    {
        var corpus = (await library.GetAsync(cancellationToken)).Corpus;
        if (FindCard(corpus, card_id) is not { } card)
        {
            return ToolResults.Error(UnknownCard(corpus, card_id));
        }

        if (!Enum.IsDefined(rating))
        {
            return ToolResults.Error("rating must be one of again, hard, good, easy");
        }

        return await RecordAsync(() => quiz.Service.Rate(corpus, card, (Rating)rating, review_id), cancellationToken);
    }

    [McpServerTool(Name = "quiz_reveal", Title = "Reveal a quiz answer", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(RevealOutcome))]
    [Description("""
        Shows a card's reference answer and key points, with the note section that teaches it. If the card was not answered
        with quiz_answer in the last hour, revealing it counts as a failed review (rated again), as with a flashcard you
        turned over without answering; counted_as_failed says so. Prefer quiz_answer (even with an empty answer) when quizzing.
        """)]
    public async Task<CallToolResult> QuizReveal(
        [Description("The card_id from quiz_next.")] string card_id,
        CancellationToken cancellationToken = default)
    {
        var corpus = (await library.GetAsync(cancellationToken)).Corpus;
        if (FindCard(corpus, card_id) is not { } card)
        {
            return ToolResults.Error(UnknownCard(corpus, card_id));
        }

        return await RecordAsync(() => quiz.Service.Reveal(corpus, card), cancellationToken);
    }

    internal static QuizCard? FindCard(CorpusSnapshot corpus, string? cardId) =>
        string.IsNullOrWhiteSpace(cardId) || cardId.Length > 300 ? null : corpus.FindCard(cardId.Trim());

    internal static string UnknownCard(CorpusSnapshot corpus, string? cardId)
    {
        if (string.IsNullOrWhiteSpace(cardId))
        {
            return "card_id is empty; get one from quiz_next";
        }

        if (cardId.Length > 300)
        {
            return $"card_id is {cardId.Length:N0} characters long; card ids look like 'hybrid-search/why-combine-bm25-with-dense-retrieval'";
        }

        var noteId = cardId.Split('/')[0];
        var note = corpus.FindById(noteId);
        return note is null
            ? $"no card '{cardId}': card ids look like '<note id>/<question slug>' (get one from quiz_next)"
            : $"no card '{cardId}' in note '{note.Id}'; its cards are: {string.Join(", ", note.Cards.Select(c => c.Id))}";
    }

    /// <summary>Runs a quiz write; the progress report changed, so its subscribers hear of it.</summary>
    private async Task<CallToolResult> RecordAsync<T>(Func<T> action, CancellationToken cancellationToken)
    {
        var result = Run(action);
        if (result.IsError is not true)
        {
            await subscriptions.NotifyAsync(uri => uri == ProgressResources.Uri, listChanged: false, cancellationToken);
        }

        return result;
    }

    private static CallToolResult Run<T>(Func<T> action)
    {
        try
        {
            return ToolResults.Structured(action());
        }
        catch (Exception ex) when (ex is QuizException or ProgressStoreException)
        {
            return ToolResults.Error(ex.Message);
        }
    }
}
