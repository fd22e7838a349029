using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// The study loop: picks the next card (due reviews first, then new cards in study order, must-know first among equals),
/// records graded answers with FSRS scheduling, lets a rating be amended, reveals answers, and reports readiness.
/// Every write goes through the progress store, which commits before returning.
/// </summary>
public sealed class QuizService(IProgressStore store, FsrsScheduler scheduler, TimeProvider time)
{
    /// <summary>A reveal this soon after answering the card is free; later (or without an answer) it counts as Again.</summary>
    public static readonly TimeSpan RevealGrace = TimeSpan.FromHours(1);

    /// <summary>The same answer to the same card this soon after is a retry of one call, not a second review.</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(2);

    public const string RevealedGrader = "revealed";
    public const string SelfGrader = "self";
    public const string AssistantGrader = "assistant";
    public const string PersonGrader = "person";
    public const string EndpointGrader = "endpoint";
    public const string SamplingGrader = "sampling";

    public IProgressStore Store => store;

    public QuizNextResult Next(CorpusSnapshot corpus, QuizScope scope)
    {
        var notes = scope.Select(corpus);
        var now = time.GetUtcNow();
        var memories = new CardMemories(store.Memories());
        // One pass over the scope's cards, in study order: the earliest due review (the first of equals), the first new
        // card, and how many of each, without a list or a sort of every card (a large vault has hundreds of thousands).
        (Note Note, QuizCard Card)? firstDue = null, firstFresh = null;
        DateTimeOffset earliestDue = default;
        DateTimeOffset? nextDue = null;
        int dueCount = 0, freshCount = 0;
        for (var n = 0; n < notes.Count; n++)
        {
            var scoped = notes[n];
            var cards = scoped.Cards;
            for (var c = 0; c < cards.Count; c++)
            {
                var candidate = cards[c];
                if (memories.Of(candidate) is not { } known)
                {
                    firstFresh ??= (scoped, candidate);
                    freshCount++;
                }
                else if (known.Due <= now)
                {
                    if (firstDue is null || known.Due < earliestDue)
                    {
                        firstDue = (scoped, candidate);
                        earliestDue = known.Due;
                    }

                    dueCount++;
                }
                else if (nextDue is null || known.Due < nextDue)
                {
                    nextDue = known.Due;
                }
            }
        }

        if (dueCount == 0 && freshCount == 0)
        {
            var when = nextDue is { } d ? $" The next review falls due at {d:u}." : "";
            return new QuizNextResult(null, 0, 0, nextDue, $"Nothing is due in this scope and every card has been studied.{when}");
        }

        // The card shown is about to be answered, and every answer is graded locally (a model's verdict aside): the
        // grader is built while the person thinks, not while they wait for the grade.
        KeyPointGrader.PrepareInBackground(corpus);
        var (note, card) = firstDue ?? firstFresh!.Value;
        var state = memories.Of(card) is { } memory ? memory.State.ToString().ToLowerInvariant() : "new";
        var question = new QuizQuestion(
            card.Id, card.Question, note.Id, note.Title, NoteUri.For(note), note.Section, note.Level.ToText(), note.Priority.ToText(), state, card.KeyPoints.Count);
        var message = dueCount > 0
            ? $"Review {1} of {dueCount} due ({freshCount} new cards after that)."
            : $"New card; {freshCount} new cards left in this scope.";
        return new QuizNextResult(question, dueCount, freshCount, nextDue, message);
    }

    /// <summary>
    /// Records a graded answer; <paramref name="selfRating"/> (the person's own) overrides the grade's rating. The judge's
    /// <paramref name="verdict"/> is kept with the review (without one, the grade's covered points stand for it). A
    /// <paramref name="provisional"/> review awaits the host model's verdict through <see cref="Judge"/>: the instruction
    /// returned asks for it (<paramref name="unavailable"/> says why no other judge ruled), and the grade's rating stands until then.
    /// The card's memory is read, scheduled and written in one transaction. The same answer to the same card within
    /// <see cref="RetryWindow"/> is a retried call (a client that lost the reply): the review already recorded is returned
    /// and nothing is added.
    /// </summary>
    public AnswerOutcome Answer(
        CorpusSnapshot corpus, QuizCard card, string answer, Grade grade, Rating? selfRating, string? instruction = null,
        AnswerVerdict? verdict = null, bool provisional = false, string? unavailable = null)
    {
        var note = NoteOf(corpus, card);
        var now = time.GetUtcNow();
        var rating = selfRating ?? grade.Rating;
        provisional &= selfRating is null;
        var written = store.Record(card.Id, history =>
        {
            if (IsRetry(history.Last, answer, now))
            {
                return null;
            }

            var before = history.Memory ?? CardMemory.New(now);
            var after = scheduler.Review(before, rating, now);
            return new NewReview(
                card.Id, card.NoteId, now, rating, grade.Score, selfRating is null ? grade.Grader : SelfGrader, answer, grade.Missed, before, after,
                VerdictText.Encode(verdict ?? VerdictText.FromCovered(card, grade.Covered)), provisional);
        });
        if (!written.Added)
        {
            var recorded = written.Review;
            var covered = card.KeyPoints.Except(recorded.Missed).ToList();
            var feedback = $"This answer was already recorded at {recorded.ReviewedAt:u} (review {recorded.Id}); this repeated call added nothing and returns that review.";
            return Outcome(note, card, recorded, covered, feedback, instruction) with { AlreadyRecorded = true };
        }

        if (provisional)
        {
            instruction = JudgeRubric.HostInstruction(card, written.Review.Id, unavailable);
        }

        return Outcome(note, card, written.Review, grade.Covered, grade.Feedback, instruction) with
        {
            KeyPointVerdicts = grade.Verdict?.KeyPoints.Select(KeyPointResult.From).ToList(),
            Confidence = grade.Confidence,
            ConfidenceLevel = grade.ConfidenceLevel,
        };
    }

    private static bool IsRetry(ReviewRecord? last, string answer, DateTimeOffset now) =>
        last is { Answer: { } previous } && last.Grader != RevealedGrader &&
        string.Equals(previous, answer, StringComparison.Ordinal) &&
        now - last.ReviewedAt <= RetryWindow && now >= last.ReviewedAt;

    /// <summary>Replaces the rating of the card's latest review (the assistant's or person's judgement), replaying FSRS from the memory before it.</summary>
    public AnswerOutcome Rate(CorpusSnapshot corpus, QuizCard card, Rating rating, long? reviewId = null, string judge = AssistantGrader)
    {
        var note = NoteOf(corpus, card);
        var last = Amendable(card, reviewId, judge);
        var after = scheduler.Review(last.Before, rating, last.ReviewedAt);
        var amended = store.Amend(last.Id, rating, last.Score, judge, after, time.GetUtcNow());
        var covered = card.KeyPoints.Except(amended.Missed).ToList();
        return Outcome(note, card, amended, covered, $"Rating changed to {rating.ToString().ToLowerInvariant()}.", null);
    }

    /// <summary>
    /// Records a judge's verdict on the card's latest review and makes it final: the rating is derived from the verdict by
    /// <see cref="AnswerVerdict.ToRating"/> unless the person gave their own (<paramref name="rating"/>). The person's
    /// verdict always wins: once they judged a review, no other judge may change it. A provisional review the host model
    /// did not judge before the next card keeps its rating.
    /// </summary>
    public AnswerOutcome Judge(
        CorpusSnapshot corpus, QuizCard card, AnswerVerdict verdict, string judge, long? reviewId = null, Rating? rating = null, string? feedback = null)
    {
        var note = NoteOf(corpus, card);
        var last = Amendable(card, reviewId, judge);
        var grade = VerdictText.ToGrade(verdict, feedback ?? Summary(verdict), judge, rating);
        var after = scheduler.Review(last.Before, grade.Rating, last.ReviewedAt);
        var amended = store.Amend(last.Id, grade.Rating, grade.Score, judge, after, time.GetUtcNow(), grade.Missed, VerdictText.Encode(verdict));
        return Outcome(note, card, amended, grade.Covered, grade.Feedback, null);
    }

    /// <summary>True for reviews the person rated or judged themselves.</summary>
    public static bool ByPerson(string grader) => grader is PersonGrader or SelfGrader;

    /// <summary>Shows the answer; counts as a failed review unless the card was answered within <see cref="RevealGrace"/>.</summary>
    public RevealOutcome Reveal(CorpusSnapshot corpus, QuizCard card)
    {
        var note = NoteOf(corpus, card);
        var now = time.GetUtcNow();
        var written = store.Record(card.Id, history =>
        {
            var last = history.Last;
            if (last is not null && last.Grader != RevealedGrader && now - last.ReviewedAt <= RevealGrace)
            {
                return null;
            }

            var before = history.Memory ?? CardMemory.New(now);
            return new NewReview(card.Id, card.NoteId, now, Rating.Again, 0, RevealedGrader, null, card.KeyPoints, before, scheduler.Review(before, Rating.Again, now));
        });
        var answeredJustNow = !written.Added;
        DateTimeOffset? nextDue = written.Review.After.Due;

        return new RevealOutcome(card.Id, card.Question, card.Answer, card.KeyPoints, CardSource.UriFor(note, card), !answeredJustNow, nextDue);
    }

    public ProgressReport Report(CorpusSnapshot corpus)
    {
        var now = time.GetUtcNow();
        var zone = time.LocalTimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).Date);
        var endOfToday = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(now));
        var memories = store.Memories();
        var known = new CardMemories(memories);

        // Recall probability today; cards still in (re)learning steps count half, unstudied cards nothing.
        double Recall(QuizCard card) => CardRecall.Of(scheduler, known.Of(card), now);
        static int Weight(Note note) => CardRecall.Weight(note.Priority);
        static int Percent(double value) => CardRecall.Percent(value);

        var sections = corpus.Notes
            .GroupBy(n => n.Section)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var cards = g.SelectMany(n => n.Cards.Select(c => (Note: n, Card: c))).ToList();
                var weight = cards.Sum(c => Weight(c.Note));
                var readiness = weight == 0 ? 0 : cards.Sum(c => Weight(c.Note) * Recall(c.Card)) / weight;
                return new SectionReadiness(
                    g.Key,
                    SectionNames.Display(g.Key),
                    Percent(readiness),
                    cards.Count,
                    cards.Count(c => known.Of(c.Card) is not null),
                    cards.Count(c => known.Of(c.Card) is { } m && m.Due <= now));
            })
            .ToList();

        var all = corpus.Notes.SelectMany(n => n.Cards.Select(c => (Note: n, Card: c))).ToList();
        var totalWeight = all.Sum(c => Weight(c.Note));
        var overall = totalWeight == 0 ? 0 : all.Sum(c => Weight(c.Note) * Recall(c.Card)) / totalWeight;

        var weakest = corpus.Notes
            .Select(n => (Note: n, Studied: n.Cards.Where(c => known.Of(c) is not null).ToList()))
            .Where(x => x.Studied.Count > 0)
            .Select(x => new WeakTopic(
                x.Note.Id,
                x.Note.Title,
                NoteUri.For(x.Note),
                Percent(x.Studied.Average(Recall)),
                x.Studied.Count,
                x.Studied.Sum(c => memories[c.Id].Lapses),
                x.Studied.Count(c => memories[c.Id].Due <= now)))
            .OrderBy(w => w.Readiness)
            .ThenByDescending(w => w.Lapses)
            .Take(5)
            .ToList();

        var inCorpus = all.Select(c => c.Card.Id).ToHashSet(StringComparer.Ordinal);
        var times = store.ReviewTimes();
        var days = times.Select(t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).Date)).ToHashSet();
        var streakEnd = days.Contains(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (days.Contains(streakEnd.AddDays(-streak)))
        {
            streak++;
        }

        return new ProgressReport(
            Percent(overall),
            sections,
            weakest,
            memories.Count(m => inCorpus.Contains(m.Key) && m.Value.Due <= now),
            memories.Count(m => inCorpus.Contains(m.Key) && m.Value.Due < endOfToday),
            all.Count(c => known.Of(c.Card) is null),
            all.Count(c => known.Of(c.Card) is not null),
            all.Count,
            times.Count,
            times.Count(t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).Date) == today),
            streak,
            times.Count > 0 ? times[^1] : null);
    }

    /// <summary>The calendar behind the readiness report: reviews due per day ahead, reviews done per day behind, and each section's priority split.</summary>
    public StudyActivity Activity(CorpusSnapshot corpus, int forecastDays = StudyActivity.DefaultForecastDays, int historyDays = StudyActivity.DefaultHistoryDays) =>
        StudyActivity.Build(corpus, store, scheduler, time, forecastDays, historyDays);

    private ReviewRecord Amendable(QuizCard card, long? reviewId, string judge)
    {
        var last = store.LastReview(card.Id)
            ?? throw new QuizException($"card '{card.Id}' has no review to re-rate; answer it first with quiz_answer");
        if (reviewId is { } id && id != last.Id)
        {
            throw new QuizException(store.Review(id) is null
                ? $"review {id} does not exist"
                : $"review {id} is not the latest review of '{card.Id}' (that is {last.Id}); only the latest review can be re-rated");
        }

        if (!ByPerson(judge) && ByPerson(last.Grader))
        {
            throw new QuizException(
                $"the person judged review {last.Id} themselves (rated {last.Rating.ToString().ToLowerInvariant()}); their verdict stands. " +
                "If they ask for a different rating, pass judged_by \"person\".");
        }

        if (!ByPerson(judge) && last.Provisional && store.RecentReviews(1) is [var newest] && newest.Id != last.Id)
        {
            throw new QuizException(
                $"review {last.Id} kept its provisional rating ({last.Rating.ToString().ToLowerInvariant()}) because the next card was answered " +
                "before it was judged; judge each answer before moving on.");
        }

        return last;
    }

    private static string Summary(AnswerVerdict verdict)
    {
        var covered = verdict.KeyPoints.Count(k => k.Status == KeyPointStatus.Covered);
        var gaps = verdict.KeyPoints.Where(k => k.Status != KeyPointStatus.Covered)
            .Select(k => $"{k.KeyPoint.TrimEnd('.')} ({k.Status.ToString().ToLowerInvariant()})").ToList();
        var text = $"{covered} of {verdict.KeyPoints.Count} key points covered.";
        if (gaps.Count > 0)
        {
            text += $" Not covered: {string.Join("; ", gaps)}.";
        }

        if (verdict.FalseClaims.Count > 0)
        {
            text += $" False claims: {string.Join("; ", verdict.FalseClaims.Select(c => c.TrimEnd('.')))}.";
        }

        return text;
    }

    private static AnswerOutcome Outcome(Note note, QuizCard card, ReviewRecord record, IReadOnlyList<string> covered, string feedback, string? instruction)
    {
        var interval = (int)Math.Round((record.After.Due - record.ReviewedAt).TotalDays, MidpointRounding.AwayFromZero);
        var verdict = VerdictText.Decode(card, record.Verdict) ?? VerdictText.FromCovered(card, covered);
        return new AnswerOutcome(
            card.Id,
            record.Id,
            record.Score,
            record.Rating.ToString().ToLowerInvariant(),
            record.Grader,
            covered,
            record.Missed,
            feedback,
            card.Answer,
            card.KeyPoints,
            CardSource.UriFor(note, card),
            record.After.Due,
            interval,
            instruction,
            verdict.KeyPoints.Select(k => k.Status.ToString().ToLowerInvariant()).ToList(),
            verdict.FalseClaims,
            record.Provisional ? ProvisionalJudgement : FinalJudgement);
    }

    public const string ProvisionalJudgement = "provisional";
    public const string FinalJudgement = "final";

    private static Note NoteOf(CorpusSnapshot corpus, QuizCard card) =>
        corpus.FindById(card.NoteId) ?? throw new QuizException($"the note of card '{card.Id}' is no longer in the corpus");
}
