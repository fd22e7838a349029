using System.ComponentModel;
using System.Globalization;
using System.Text;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Prompts;

/// <summary>The study-loop prompts: a study plan, a flashcard quiz session, and a review of recent mistakes.</summary>
[McpServerPromptType]
public sealed class StudyPrompts
{
    private readonly LibraryHost _library;
    private readonly QuizHost _quiz;
    private readonly TimeProvider _time;

    public StudyPrompts(LibraryHost library, QuizHost quiz, TimeProvider time, RequestContext<GetPromptRequestParams> request)
    {
        PromptArguments.Validate<StudyPrompts>(request);
        _library = library;
        _quiz = quiz;
        _time = time;
    }

    [McpServerPrompt(Name = "study_plan", Title = "Study plan")]
    [Description("""
        A day-by-day study plan for the days and hours available, from the corpus's study order: a focus topic first, then
        the weakest sections once there is quiz history, must-know notes before good and nice ones when time is short, a
        quiz after each note, a daily review of due cards and a closing mock interview. The assistant presents it,
        adjusts it to the person, and starts day 1.
        """)]
    public async Task<GetPromptResult> StudyPlan(
        [Description("Days until the interview, 1 to 60 (default 3).")] int days = 3,
        [Description("Study hours a day, 0.5 to 12 (default 3).")] double hours_per_day = 3,
        [Description("Optional topic or section to put first, e.g. \"rag\", \"agents-and-tool-use\", \"fine-tuning\".")] string? focus = null,
        CancellationToken cancellationToken = default)
    {
        PromptArguments.InRange(days, "days", 1, 60);
        PromptArguments.InRange(hours_per_day, "hours_per_day", 0.5, 12);
        var topic = PromptArguments.Text(focus, "focus");
        var corpus = (await _library.GetAsync(cancellationToken)).Corpus;
        var focusNotes = topic is null ? [] : NoteFinder.Topic(corpus, topic);
        var (report, error) = PromptProgress.Report(_quiz, corpus);
        var plan = StudyPlanner.Build(corpus, days, hours_per_day, focusNotes, report);

        var resources = new PromptResources();
        if (report is { Reviews: > 0 })
        {
            resources.AddText("llmprep://progress", report.ToMarkdown());
        }

        foreach (var id in new[] { "study-plan", "priority-checklist" })
        {
            if (corpus.FindById(id) is { } note)
            {
                resources.AddNote(note);
            }
        }

        var hours = PromptResults.Minutes((int)Math.Round(hours_per_day * 60));
        var basis = (report, plan.WeakestFirst) switch
        {
            (null, _) => $"The progress file could not be read ({error}), so the plan follows the study order without personal data.",
            (_, true) => $"It puts my weakest sections first (overall readiness {report.Readiness}%, {report.DueNow} reviews due now); the embedded progress report has the details.",
            _ => "I have no quiz history yet, so it follows the study order.",
        };
        var instructions = $"""
            Be my study coach for LLM / GenAI engineer interviews. I have {days} day{(days == 1 ? "" : "s")} at {hours} a day{(topic is null ? "" : $", focusing first on \"{topic}\"")}. Below is a draft plan built from the corpus's study order: must-know notes first when time is short, a five-minute quiz after each note, a daily review of due cards, and a closing mock interview. {basis}

            1. Present the plan day by day as a clean schedule with the time per day, keeping the note links.
            2. Ask me two things before we start: when the interview is and which areas I already know well. If that changes the picture, move notes or drop nice-to-know ones, and say what you changed. Keep must-know notes unless I show I know them (a quick quiz_next on the topic tells you).
            3. Then start Day 1, block 1: read the note with me (read_note on its URI), have me say its key answers out loud, and quiz me with quiz_next using the note id as the topic, passing my answers to quiz_answer.
            4. Each later day opens with the review block: quiz_next with no topic serves due reviews first; review_mistakes goes over the cards I failed.
            5. By the last day I should be able to say the study plan's "what to be able to say without notes" list unprompted; check it before the mock interview.

            Draft plan:

            {plan.ToMarkdown()}
            """;
        return PromptResults.Create($"{days}-day study plan at {hours} a day{(topic is null ? "" : $", focus: {topic}")}", instructions, resources,
            "Start with step 1: present the plan, then ask me your two questions.");
    }

    [McpServerPrompt(Name = "quiz_me", Title = "Quiz me")]
    [Description("""
        A flashcard quiz session driven by the quiz tools: the assistant asks each card from quiz_next word for word,
        grades the person's answer with quiz_answer (spaced repetition records it), gives the missed key points and the
        source section, and ends with a summary of what to revisit.
        """)]
    public async Task<GetPromptResult> QuizMe(
        [Description("Topic, section or note id to quiz on (\"retrieval\", \"rag\", \"lora-qlora\"); leave out for due reviews and must-know cards from everywhere.")] string? topic = null,
        [Description("Number of questions, 1 to 30 (default 5).")] int count = 5,
        CancellationToken cancellationToken = default)
    {
        var subject = PromptArguments.Text(topic, "topic");
        PromptArguments.InRange(count, "count", 1, 30);
        var corpus = (await _library.GetAsync(cancellationToken)).Corpus;
        var scope = subject is null ? QuizScope.All.Select(corpus) : NoteFinder.Topic(corpus, subject);

        var resources = new PromptResources();
        foreach (var note in LikelyNext(scope).Take(2))
        {
            resources.AddNote(note);
        }

        var call = subject is null ? "quiz_next with no topic" : $"quiz_next with topic \"{subject}\"";
        var instructions = $"""
            Quiz me with the LlmPrep flashcards: {count} question{(count == 1 ? "" : "s")} on {(subject is null ? "whatever is due, then must-know cards" : $"\"{subject}\"")}. Spaced repetition decides the order: due reviews first, then new cards.

            For each card:
            1. Call {call}. Ask its question exactly as written: add nothing, hint at nothing.
            2. Wait for my answer. Call quiz_answer with the card_id and my answer verbatim (an empty string if I say I don't know).
            3. In three or four lines: the rating and score, what I covered, the key points I missed, and the correction in two or three sentences; link the source_uri. If its judgement is "provisional", follow its instruction: judge each key point of my answer against the reference answer and send that verdict with quiz_rate before the next card.
            4. Go on to the next card. If quiz_next returns no card, say so and stop early.

            After the last card: a short table (question, rating), the one concept to revisit, and when the next reviews fall due. Offer review_mistakes for the misses.

            Never show a reference answer or quote the embedded notes before I have answered; they are there for your feedback. Use quiz_reveal only if I give up (it counts as a failed review).
            """;
        return PromptResults.Create($"Quiz: {count} question{(count == 1 ? "" : "s")}{(subject is null ? "" : $" on {subject}")}", instructions, resources,
            $"Start: call {call} and ask me the first question.");
    }

    [McpServerPrompt(Name = "review_mistakes", Title = "Review my mistakes")]
    [Description("""
        Goes over the cards whose latest review the person failed (not those answered correctly since), optionally on one topic, with the note sections that teach them: asks each question
        again, grades the new answer with quiz_answer, compares it with what was missed last time, and teaches each gap
        until it sticks.
        """)]
    public async Task<GetPromptResult> ReviewMistakes(
        [Description("How many recently failed cards to go over, 1 to 50 (default 10).")] int limit = 10,
        [Description("Optional topic, section or note id to keep to, as in quiz_me (\"lora\", \"rag\").")] string? topic = null,
        CancellationToken cancellationToken = default)
    {
        PromptArguments.InRange(limit, "limit", 1, 50);
        var subject = PromptArguments.Text(topic, "topic");
        var corpus = (await _library.GetAsync(cancellationToken)).Corpus;
        var inScope = subject is null ? null : NoteFinder.Topic(corpus, subject).Select(n => n.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (reviews, error) = PromptProgress.Mistakes(_quiz, limit, cardId =>
            corpus.FindCard(cardId) is { } card && corpus.FindById(card.NoteId) is not null && (inScope is null || inScope.Contains(card.NoteId)));
        if (error is not null)
        {
            return PromptResults.Create("Review mistakes: progress unavailable", $"""
                I wanted to review my recent quiz mistakes, but my progress file cannot be read: {error}
                Tell me that in one sentence, with what to do about it, then offer a short quiz on must-know topics instead (quiz_next) so the session is not wasted.
                """, new PromptResources(), "Go ahead.");
        }

        var mistakes = reviews.Select(r => (Review: r, Card: corpus.FindCard(r.CardId))).ToList();
        if (mistakes.Count == 0)
        {
            var where = subject is null ? "" : $" on \"{subject}\"";
            return PromptResults.Create("Review mistakes: none recorded", $"""
                I wanted to review my recent quiz mistakes{where}, but no card{where} is still failed: I have either not failed any, answered them correctly since, or not quizzed at all.
                Say so in one line, then start a five-question quiz (quiz_next{(subject is null ? "" : $" with topic \"{subject}\"")}, then quiz_answer with my answers) so there is something to review next time.
                """, new PromptResources(), "Go ahead.");
        }

        var resources = new PromptResources();
        var list = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        var number = 0;
        foreach (var (review, card) in mistakes)
        {
            var note = corpus.FindById(card!.NoteId)!;
            var source = CardSource.UriFor(note, card);
            var anchor = source.Contains('#', StringComparison.Ordinal) ? source[(source.IndexOf('#', StringComparison.Ordinal) + 1)..] : null;
            if (anchor is not null && note.FindSection(anchor) is { } section)
            {
                resources.AddSection(note, section);
            }

            var answer = string.IsNullOrWhiteSpace(review.Answer) ? "(no answer)" : $"\"{Shorten(review.Answer.Trim(), 300)}\"";
            var missed = review.Missed.Count == 0 ? "" : $"; missed: {string.Join("; ", review.Missed)}";
            list.Append(culture, $"{++number}. `{card.Id}`: {card.Question}\n   Failed {review.ReviewedAt.ToLocalTime():yyyy-MM-dd}; my answer: {answer}{missed}. Teach from {source}.\n");
        }

        var instructions = $"""
            Go over my recent quiz mistakes: the {mistakes.Count} card{(mistakes.Count == 1 ? "" : "s")} I failed most recently, with the note sections that teach them embedded below. For each card, in order:

            1. Ask the question again exactly as written. Don't show my old answer or the missed points yet.
            2. When I answer, call quiz_answer with the card_id and my answer verbatim (an empty string if I don't know). If its judgement is "provisional", follow its instruction: judge each key point and send the verdict with quiz_rate.
            3. Compare my new answer with the old one and the points I missed: tell me plainly whether I have fixed it. Teach what is still missing from the embedded section in three or four sentences with a concrete example, then ask one "why" follow-up to check it stuck.
            4. If I fail it again, point me to the section's URI to reread and move on; don't drill one card more than twice.

            Finish with a short table (card, fixed or still weak) and the sections to reread before my next session.

            My mistakes, most recent first:
            {list}
            """;
        return PromptResults.Create($"Review {mistakes.Count} recent mistake{(mistakes.Count == 1 ? "" : "s")}", instructions, resources,
            "Start with the first card: ask its question.");
    }

    /// <summary>The notes quiz_next is likely to draw from first: those with due reviews, then unstudied cards in the scope's order.</summary>
    private IEnumerable<Note> LikelyNext(IReadOnlyList<Note> scope)
    {
        IReadOnlyDictionary<string, CardMemory> memories;
        try
        {
            memories = _quiz.Service.Store.Memories();
        }
        catch (Exception ex) when (ex is QuizException or ProgressStoreException)
        {
            memories = new Dictionary<string, CardMemory>();
        }

        var now = _time.GetUtcNow();
        return scope
            .Select((note, rank) => (Note: note, Rank: rank,
                Due: note.Cards.Any(c => memories.TryGetValue(c.Id, out var m) && m.Due <= now),
                Fresh: note.Cards.Any(c => !memories.ContainsKey(c.Id))))
            .Where(x => x.Due || x.Fresh)
            .OrderByDescending(x => x.Due)
            .ThenBy(x => x.Rank)
            .Select(x => x.Note);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max].TrimEnd() + "…";
}
