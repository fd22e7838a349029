using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Tests.Quiz;

public sealed class QuizServiceTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly ProgressStore _store;
    private readonly QuizService _quiz;
    private readonly CorpusSnapshot _snapshot;

    public QuizServiceTests()
    {
        _corpus.WriteNote("01-foundations", "attention", "Attention", "## Scaled dot product\n\nFirst point 1. Second point 1.", priority: "good", tags: "architecture");
        _corpus.WriteNote("03-rag-and-embeddings", "chunking", "Chunking", "Overlap.", priority: "must", tags: "retrieval");
        _corpus.WriteNote("06-production", "caching", "Caching", "Prompt caching.", priority: "nice", tags: "serving");
        _snapshot = _corpus.Load();
        _store = ProgressStore.Open(Path.Combine(_corpus.DataDirectory, "progress.db"));
        _quiz = new QuizService(_store, new FsrsScheduler(), _time);
    }

    private QuizCard Card(string noteId, int index = 0) => _snapshot.FindById(noteId)!.Cards[index];

    private AnswerOutcome Answer(QuizCard card, Rating rating) =>
        _quiz.Answer(_snapshot, card, "answer", new Grade(0.5, rating, [], card.KeyPoints, "feedback", "key_points"), selfRating: null);

    [Fact]
    public void New_cards_come_in_path_order_without_a_study_plan()
    {
        var next = _quiz.Next(_snapshot, QuizScope.All);

        Assert.Equal("attention/question-1-about-attention", next.Card!.CardId);
        Assert.Equal(15, next.NewCount);
        Assert.Equal(0, next.DueCount);
    }

    [Fact]
    public void Showing_a_card_starts_building_the_grader_before_the_answer_comes()
    {
        var shown = _corpus.Load();
        var notShown = _corpus.Load();

        _quiz.Next(shown, QuizScope.All);

        Assert.True(SpinWait.SpinUntil(() => KeyPointGrader.IsBuilt(shown), TimeSpan.FromSeconds(60)));
        Assert.False(KeyPointGrader.IsBuilt(notShown));
    }

    [Fact]
    public void New_cards_follow_the_study_plan_when_there_is_one()
    {
        _corpus.Write("00-study-plan/study-plan.md", Notes.Valid("00-study-plan", "study-plan", "Study plan", "Start with [[caching]], then [[chunking]].", cards: 1));
        var withPlan = _corpus.Load();

        var first = _quiz.Next(withPlan, new QuizScope(Section: "06"));
        var order = withPlan.StudyOrder;

        Assert.Equal("caching", first.Card!.NoteId);
        Assert.True(order["caching"] < order["chunking"]);
        Assert.True(order["chunking"] < order["attention"]);
        Assert.Equal("caching", _quiz.Next(withPlan, new QuizScope(Priority: "nice")).Card!.NoteId);
        Assert.Equal("study-plan", _quiz.Next(withPlan, new QuizScope(Topic: "study-plan")).Card!.NoteId);
        Assert.Equal("caching", _quiz.Next(withPlan, QuizScope.All).Card!.NoteId);
        Assert.True(order["study-plan"] > order["attention"]);
    }

    [Fact]
    public void Due_reviews_come_before_new_cards()
    {
        Answer(Card("caching"), Rating.Again);
        _time.Advance(TimeSpan.FromMinutes(5));

        var next = _quiz.Next(_snapshot, QuizScope.All);

        Assert.Equal(Card("caching").Id, next.Card!.CardId);
        Assert.Equal("learning", next.Card.State);
        Assert.Equal(1, next.DueCount);
    }

    [Fact]
    public void The_review_due_longest_comes_first_and_counts_and_the_next_due_time_cover_every_card()
    {
        // Attention's card is answered last but falls due first (Again); chunking's two cards fall due later (Hard), and
        // caching's after that (Easy), so only attention's and chunking's are due when the clock has moved a day on.
        Answer(Card("chunking", 0), Rating.Hard);
        Answer(Card("chunking", 1), Rating.Hard);
        _time.Advance(TimeSpan.FromMinutes(1));
        Answer(Card("attention"), Rating.Again);
        foreach (var card in _snapshot.FindById("caching")!.Cards)
        {
            Answer(card, Rating.Easy);
        }

        var memories = _store.Memories();
        _time.Advance(TimeSpan.FromDays(1));
        var next = _quiz.Next(_snapshot, QuizScope.All);

        var due = memories.Values.Where(m => m.Due <= _time.GetUtcNow()).ToList();
        var studied = memories.Count;
        Assert.Equal(3, due.Count);
        Assert.Equal(Card("attention").Id, next.Card!.CardId);
        Assert.Equal(due.Count, next.DueCount);
        Assert.Equal(_snapshot.Cards.Count() - studied, next.NewCount);
        Assert.Equal(memories.Values.Where(m => m.Due > _time.GetUtcNow()).Min(m => (DateTimeOffset?)m.Due), next.NextDue);
    }

    [Fact]
    public void Scope_filters_by_topic_section_level_and_priority()
    {
        Assert.Equal("chunking", _quiz.Next(_snapshot, new QuizScope(Topic: "retrieval")).Card!.NoteId);
        Assert.Equal("caching", _quiz.Next(_snapshot, new QuizScope(Topic: "Caching")).Card!.NoteId);
        Assert.Equal("caching", _quiz.Next(_snapshot, new QuizScope(Topic: "06")).Card!.NoteId);
        Assert.Equal("attention", _quiz.Next(_snapshot, new QuizScope(Section: "foundations")).Card!.NoteId);
        Assert.Equal("caching", _quiz.Next(_snapshot, new QuizScope(Priority: "nice")).Card!.NoteId);
        Assert.Throws<QuizException>(() => _quiz.Next(_snapshot, new QuizScope(Topic: "knitting")));
        Assert.Throws<QuizException>(() => _quiz.Next(_snapshot, new QuizScope(Level: "guru")));
    }

    [Fact]
    public void When_everything_is_studied_it_says_when_the_next_review_is()
    {
        foreach (var card in _snapshot.FindById("caching")!.Cards)
        {
            Answer(card, Rating.Easy);
        }

        var next = _quiz.Next(_snapshot, new QuizScope(Topic: "caching"));

        Assert.Null(next.Card);
        Assert.NotNull(next.NextDue);
        Assert.Contains("Nothing is due", next.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_replays_the_latest_review_with_the_new_rating()
    {
        var card = Card("chunking");
        var failed = Answer(card, Rating.Again);

        var rated = _quiz.Rate(_snapshot, card, Rating.Easy);

        Assert.Equal(failed.ReviewId, rated.ReviewId);
        Assert.Equal("easy", rated.Rating);
        Assert.True(rated.IntervalDays >= 1);
        Assert.Single(_store.RecentReviews(10));
        Assert.Throws<QuizException>(() => _quiz.Rate(_snapshot, card, Rating.Good, reviewId: failed.ReviewId + 100));
    }

    [Fact]
    public void Reveal_is_free_right_after_answering_and_a_failure_otherwise()
    {
        var card = Card("attention");
        Assert.True(_quiz.Reveal(_snapshot, card).CountedAsFailed);

        Answer(card, Rating.Good);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(_quiz.Reveal(_snapshot, card).CountedAsFailed);

        _time.Advance(TimeSpan.FromHours(3));
        Assert.True(_quiz.Reveal(_snapshot, card).CountedAsFailed);
        Assert.Equal(3, _store.RecentReviews(10).Count);
    }

    [Fact]
    public void Report_weights_priorities_and_counts_the_streak()
    {
        var empty = _quiz.Report(_snapshot);
        Assert.Equal(0, empty.Readiness);
        Assert.Equal(0, empty.StreakDays);
        Assert.Equal(15, empty.NewCards);

        foreach (var card in _snapshot.FindById("chunking")!.Cards)
        {
            Answer(card, Rating.Easy);
        }

        _time.Advance(TimeSpan.FromDays(1));
        Answer(Card("caching"), Rating.Again);
        var report = _quiz.Report(_snapshot);

        var rag = report.Sections.Single(s => s.Section == "03-rag-and-embeddings");
        Assert.InRange(rag.Readiness, 85, 100);
        Assert.Equal(5, rag.Studied);
        // The must-priority section weighs 3 of the 3 + 2 + 1 total, so its near-full recall gives about half overall.
        Assert.InRange(report.Readiness, 40, 52);
        Assert.Equal(2, report.StreakDays);
        Assert.Equal(6, report.Reviews);
        Assert.Equal(1, report.ReviewsToday);
        Assert.Equal("caching", report.Weakest[0].NoteId);
        Assert.Contains("Overall readiness", report.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void History_of_a_removed_card_is_kept()
    {
        var card = Card("caching");
        Answer(card, Rating.Good);
        File.Delete(Path.Combine(_corpus.Root, "06-production", "caching.md"));
        var smaller = _corpus.Load();

        var report = _quiz.Report(smaller);

        Assert.NotNull(_store.Memory(card.Id));
        Assert.Equal(1, report.Reviews);
        Assert.Equal(0, report.StudiedCards);
    }

    [Fact]
    public void A_retried_answer_returns_the_recorded_review_instead_of_adding_one()
    {
        var card = Card("chunking");
        var first = Answer(card, Rating.Good);
        _time.Advance(TimeSpan.FromSeconds(90));

        var retry = Answer(card, Rating.Good);

        Assert.True(retry.AlreadyRecorded);
        Assert.False(first.AlreadyRecorded);
        Assert.Equal(first.ReviewId, retry.ReviewId);
        Assert.Contains("already recorded", retry.Feedback, StringComparison.Ordinal);
        Assert.Single(_store.RecentReviews(10));
    }

    [Fact]
    public void A_different_answer_or_a_later_one_is_a_new_review()
    {
        var card = Card("chunking");
        Answer(card, Rating.Good);
        var other = _quiz.Answer(_snapshot, card, "another answer", new Grade(0.5, Rating.Good, [], card.KeyPoints, "feedback", "key_points"), selfRating: null);
        _time.Advance(QuizService.RetryWindow + TimeSpan.FromSeconds(1));
        var later = _quiz.Answer(_snapshot, card, "another answer", new Grade(0.5, Rating.Good, [], card.KeyPoints, "feedback", "key_points"), selfRating: null);

        Assert.False(other.AlreadyRecorded);
        Assert.False(later.AlreadyRecorded);
        Assert.Equal(3, _store.RecentReviews(10).Count);
    }

    [Fact]
    public void Concurrent_answers_to_one_card_each_schedule_from_the_state_the_previous_one_left()
    {
        var card = Card("chunking");
        var path = Path.Combine(_corpus.DataDirectory, "progress.db");
        using var second = ProgressStore.Open(path);
        var quizzes = new[] { _quiz, new QuizService(second, new FsrsScheduler(), _time) };

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            quizzes[i % 2].Answer(_snapshot, card, $"answer {i}", new Grade(0.5, (Rating)(1 + (i % 4)), [], card.KeyPoints, "feedback", "key_points"), selfRating: null));

        var reviews = _store.RecentReviews(100).Reverse().ToList();
        Assert.Equal(40, reviews.Count);
        for (var i = 1; i < reviews.Count; i++)
        {
            Assert.Equal(reviews[i - 1].After, reviews[i].Before);
        }

        Assert.Equal(reviews[^1].After, _store.Memory(card.Id));
    }

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        _corpus.Dispose();
    }
}
