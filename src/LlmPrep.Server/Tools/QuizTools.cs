using System.ComponentModel;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Grading;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Resources;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

[McpServerToolType]
public sealed class QuizTools(LibraryHost library, QuizHost quiz, ResourceSubscriptions subscriptions, JudgeChain judges, PersonConfirmation person)
{
    public const int MaxAnswerLength = 20_000;

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
        the card's next review. Pass their answer verbatim, or an empty string if they did not know. The best judge available
        rules: the client's model (sampling), else a configured grader model; where the client can ask the person, they tick
        the key points they covered and their verdict wins. When no model judged it, judgement is "provisional" and YOU are
        the judge: follow "instruction": judge each key point (covered/partly/missed/contradicted) and any false claim
        against reference_answer, then call quiz_rate with that verdict before the next card (otherwise the word-matching
        rating stands). The result has the score, rating (again/hard/good/easy), key_point_statuses in key_points order,
        false claims, each key point's verdict with the words it matched and the local grade's confidence, feedback, the
        source note section and the next due date. self_rating, the person's own, overrides.
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

        var local = KeyPointGrader.For(corpus).Grade(card, answer);
        if (self_rating is not null)
        {
            return await RecordAsync(() => quiz.Service.Answer(corpus, card, answer, local, (Rating?)self_rating), cancellationToken);
        }

        var (ruling, judge, unavailable) = await judges.JudgeAsync(server, card, answer, cancellationToken);
        var verdict = ruling?.Verdict ?? VerdictText.FromCovered(card, local.Covered);
        var grade = ruling is null ? local : VerdictText.ToGrade(verdict, ruling.Feedback!, judge!);
        var recorded = await RecordAsync(
            () => quiz.Service.Answer(corpus, card, answer, grade, null, null, verdict, provisional: ruling is null, unavailable), cancellationToken);
        if (recorded.IsError is true || await person.AskAsync(server, card, verdict, grade.Rating, cancellationToken) is not { } mine)
        {
            return recorded;
        }

        var reviewId = recorded.StructuredContent!.Value.GetProperty("review_id").GetInt64();
        return await RecordAsync(
            () => quiz.Service.Judge(corpus, card, mine.Verdict, QuizService.PersonGrader, reviewId, mine.Rating, grade.Feedback), cancellationToken);
    }

    [McpServerTool(Name = "quiz_rate", Title = "Judge a quiz answer", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(AnswerOutcome))]
    [Description("""
        Gives the verdict on the latest review of a card and makes it final; it amends the review quiz_answer recorded, it
        does not add one. Preferred: key_points, one entry per key point ({"index": 1, "status": "covered"}, numbered from 1
        in the order of quiz_answer's key_points; status covered, partly, missed or contradicted) plus false_claims; the
        rating is then derived by the same rule every judge uses (an error caps it at hard; all covered is easy, three
        quarters good, half hard, less again). Or give only rating (again/hard/good/easy) to set it directly. judged_by
        "person" when these are the person's own ticks or rating (an app card, or they told you): the person's verdict
        always wins, so an assistant verdict cannot replace it. Judge a provisional review before the next card is answered.
        """)]
    public async Task<CallToolResult> QuizRate(
        [Description("The card_id that was just answered.")] string card_id,
        [Description("The verdict per key point: [{\"index\": 1, \"status\": \"covered\"}, ...], one entry for each key point.")] List<KeyPointInput>? key_points = null,
        [Description("False statements the answer made (empty if none). Each one caps the rating at hard.")] List<string>? false_claims = null,
        [Description("Set the rating directly instead of deriving it from key_points: again, hard, good or easy.")] RatingName? rating = null,
        [Description("Who judged: assistant (your own judgement, the default) or person (the person's own ticks or rating).")] JudgeName? judged_by = null,
        [Description("Optional: the review_id from quiz_answer, to make sure the right review is amended.")] long? review_id = null,
        CancellationToken cancellationToken = default)
    {
        var corpus = (await library.GetAsync(cancellationToken)).Corpus;
        if (FindCard(corpus, card_id) is not { } card)
        {
            return ToolResults.Error(UnknownCard(corpus, card_id));
        }

        if (rating is { } given && !Enum.IsDefined(given))
        {
            return ToolResults.Error("rating must be one of again, hard, good, easy");
        }

        var byPerson = judged_by == JudgeName.Person;
        var judge = byPerson ? QuizService.PersonGrader : QuizService.AssistantGrader;
        if (key_points is null or { Count: 0 })
        {
            return rating is null
                ? ToolResults.Error($"give key_points (one status for each of the card's {card.KeyPoints.Count} key points) or a rating")
                : await RecordAsync(() => quiz.Service.Rate(corpus, card, (Rating)rating, review_id, judge), cancellationToken);
        }

        if (rating is not null && !byPerson)
        {
            return ToolResults.Error("give key_points or rating, not both: the rating is derived from key_points (only the person's own rating overrules it)");
        }

        var (verdict, problem) = VerdictParser.Build(
            card, key_points.Select(k => new KeyPointJudgement(k.Index, (KeyPointStatus)k.Status, k.Evidence)).ToList(), false_claims);
        return verdict is null
            ? ToolResults.Error(problem!)
            : await RecordAsync(() => quiz.Service.Judge(corpus, card, verdict, judge, review_id, (Rating?)rating), cancellationToken);
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

    /// <summary>Runs a quiz write; the user's progress report changed, so that user's subscribers hear of it.</summary>
    private async Task<CallToolResult> RecordAsync<T>(Func<T> action, CancellationToken cancellationToken)
    {
        var result = Run(action);
        if (result.IsError is not true)
        {
            await subscriptions.NotifyAsync(uri => uri == ProgressResources.Uri, listChanged: false, cancellationToken, forUser: quiz.UserId);
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
