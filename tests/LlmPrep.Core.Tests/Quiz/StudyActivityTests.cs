using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Quiz;

public sealed class StudyActivityTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly ProgressStore _store;
    private readonly QuizService _quiz;
    private readonly CorpusSnapshot _snapshot;

    public StudyActivityTests()
    {
        _corpus.WriteNote("03-rag-and-embeddings", "chunking", "Chunking", "Overlap.", priority: "must", tags: "retrieval");
        _corpus.WriteNote("03-rag-and-embeddings", "reranking", "Reranking", "Cross encoders.", priority: "nice", tags: "retrieval");
        _corpus.WriteNote("06-production", "caching", "Caching", "Prompt caching.", priority: "good", tags: "serving");
        _snapshot = _corpus.Load();
        _store = ProgressStore.Open(Path.Combine(_corpus.DataDirectory, "progress.db"));
        _quiz = new QuizService(_store, new FsrsScheduler(), _time);
    }

    private void Answer(string noteId, Rating rating, int index = 0)
    {
        var card = _snapshot.FindById(noteId)!.Cards[index];
        _quiz.Answer(_snapshot, card, "answer", new Grade(0.5, rating, [], card.KeyPoints, "feedback", "key_points"), selfRating: null);
    }

    [Fact]
    public void Nothing_studied_gives_empty_days_and_zero_shares()
    {
        var activity = _quiz.Activity(_snapshot);

        Assert.Equal(new DateOnly(2026, 11, 2), activity.Today);
        Assert.Equal(StudyActivity.DefaultForecastDays, activity.Forecast.Count);
        Assert.Equal(activity.Today, activity.Forecast[0].Date);
        Assert.Equal(StudyActivity.DefaultHistoryDays, activity.History.Count);
        Assert.Equal(activity.Today, activity.History[^1].Date);
        Assert.All(activity.Forecast.Concat(activity.History), d => Assert.Equal(0, d.Count));
        Assert.Equal(["03-rag-and-embeddings", "06-production"], activity.Sections.Select(s => s.Section));
        Assert.Equal(["must", "good", "nice"], activity.Sections[0].Priorities.Select(p => p.Priority));
        Assert.All(activity.Sections.SelectMany(s => s.Priorities), p => Assert.Equal(0, p.Share));
    }

    [Fact]
    public void Forecast_counts_due_cards_per_day_and_history_counts_reviews_per_day()
    {
        Answer("chunking", Rating.Good);
        Answer("chunking", Rating.Good, 1);
        _time.Advance(TimeSpan.FromDays(1));
        Answer("caching", Rating.Easy);

        var activity = _quiz.Activity(_snapshot);
        var memories = _store.Memories();

        Assert.Equal([2, 1], activity.History.TakeLast(2).Select(d => d.Count));
        Assert.Equal(3, activity.History.Sum(d => d.Count));
        Assert.Equal(3, activity.Forecast.Sum(d => d.Count));
        foreach (var memory in memories.Values)
        {
            var day = DateOnly.FromDateTime(memory.Due.UtcDateTime);
            var expected = day < activity.Today ? activity.Today : day;
            Assert.Contains(activity.Forecast, d => d.Date == expected && d.Count > 0);
        }
    }

    [Fact]
    public void Priority_shares_add_up_to_the_section_readiness_of_the_report()
    {
        Answer("chunking", Rating.Easy);
        Answer("reranking", Rating.Easy);
        _time.Advance(TimeSpan.FromDays(3));

        var report = _quiz.Report(_snapshot);
        var activity = _quiz.Activity(_snapshot);

        foreach (var section in activity.Sections)
        {
            var readiness = report.Sections.Single(s => s.Section == section.Section).Readiness;
            Assert.Equal(readiness, section.Priorities.Sum(p => p.Share), 0.6);
        }

        var rag = activity.Sections[0].Priorities;
        Assert.True(rag[0].Share > rag[2].Share, "a must card weighs three times a nice one");
        Assert.Equal(1, rag[0].Studied);
        Assert.True(rag[0].Readiness > 0);
        Assert.Equal(0, rag[1].Cards);
    }

    public void Dispose()
    {
        _store.Dispose();
        _corpus.Dispose();
    }
}
