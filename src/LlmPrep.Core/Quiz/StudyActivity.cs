using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Quiz;

/// <summary>The calendar behind the readiness report, in the person's local days.</summary>
/// <param name="Today">The local date the activity was computed on.</param>
/// <param name="Forecast">Reviews falling due per day from today on, today first (today includes everything overdue).</param>
/// <param name="History">Reviews recorded per day, oldest first, ending today.</param>
/// <param name="Sections">Each section's readiness split by priority, in study order.</param>
public sealed record StudyActivity(
    DateOnly Today,
    IReadOnlyList<DayCount> Forecast,
    IReadOnlyList<DayCount> History,
    IReadOnlyList<SectionPriorities> Sections)
{
    public const int DefaultForecastDays = 14;
    public const int DefaultHistoryDays = 84;

    /// <summary>Computes the activity of the cards in <paramref name="corpus"/> from the person's progress.</summary>
    public static StudyActivity Build(CorpusSnapshot corpus, IProgressStore store, FsrsScheduler scheduler, TimeProvider time, int forecastDays, int historyDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(forecastDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyDays, 1);
        var now = time.GetUtcNow();
        var zone = time.LocalTimeZone;
        DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).Date);
        var today = Day(now);
        var memories = new CardMemories(store.Memories());

        var cards = corpus.Notes.SelectMany(n => n.Cards.Select(c => (Note: n, Card: c))).ToList();
        var dueDays = cards
            .Select(c => memories.Of(c.Card))
            .OfType<CardMemory>()
            .Select(m => Day(m.Due) < today ? today : Day(m.Due))
            .ToLookup(d => d);
        var forecast = Enumerable.Range(0, forecastDays)
            .Select(i => today.AddDays(i))
            .Select(d => new DayCount(d, dueDays[d].Count()))
            .ToList();

        var reviewDays = store.ReviewTimes().Select(Day).ToLookup(d => d);
        var history = Enumerable.Range(0, historyDays)
            .Select(i => today.AddDays(i - historyDays + 1))
            .Select(d => new DayCount(d, reviewDays[d].Count()))
            .ToList();

        var sections = cards
            .GroupBy(c => c.Note.Section)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var weight = g.Sum(c => CardRecall.Weight(c.Note.Priority));
                var priorities = new[] { NotePriority.Must, NotePriority.Good, NotePriority.Nice }
                    .Select(p =>
                    {
                        var these = g.Where(c => c.Note.Priority == p).ToList();
                        var recall = these.Sum(c => CardRecall.Of(scheduler, memories.Of(c.Card), now));
                        return new PriorityReadiness(
                            p.ToText(),
                            these.Count,
                            these.Count(c => memories.Of(c.Card) is not null),
                            these.Count == 0 ? 0 : CardRecall.Percent(recall / these.Count),
                            weight == 0 ? 0 : Math.Round(100 * CardRecall.Weight(p) * recall / weight, 2));
                    })
                    .ToList();
                return new SectionPriorities(g.Key, SectionNames.Display(g.Key), priorities);
            })
            .ToList();

        return new StudyActivity(today, forecast, history, sections);
    }
}

/// <summary>A number of reviews on one local day.</summary>
public sealed record DayCount(DateOnly Date, int Count);

/// <summary>A section's readiness by priority.</summary>
/// <param name="Section">The section folder.</param>
/// <param name="Title">Its display name.</param>
/// <param name="Priorities">must, good and nice, in that order.</param>
public sealed record SectionPriorities(string Section, string Title, IReadOnlyList<PriorityReadiness> Priorities);

/// <summary>The cards of one priority in a section.</summary>
/// <param name="Priority">must, good or nice.</param>
/// <param name="Cards">Cards of this priority.</param>
/// <param name="Studied">Of them, cards studied at least once.</param>
/// <param name="Readiness">0-100: their average recall today.</param>
/// <param name="Share">Percentage points they add to the section's readiness (the shares of a section add up to its readiness).</param>
public sealed record PriorityReadiness(string Priority, int Cards, int Studied, int Readiness, double Share);
