using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Quiz;

/// <summary>The cards a person has not got right since they last failed them: those whose latest review failed.</summary>
public static class RecentMistakes
{
    /// <summary>
    /// The failed reviews that are still their card's latest review, newest first, one per card, at most
    /// <paramref name="limit"/>, keeping only cards <paramref name="keep"/> accepts (all when null).
    /// </summary>
    public static IReadOnlyList<ReviewRecord> Of(IProgressStore store, int limit, Func<string, bool>? keep = null)
    {
        var window = Math.Max(limit * 4, 20);
        while (true)
        {
            var failed = store.RecentReviews(window, failedOnly: true);
            var mistakes = failed
                .DistinctBy(r => r.CardId)
                .Where(r => keep?.Invoke(r.CardId) != false && store.LastReview(r.CardId)?.Id == r.Id)
                .Take(limit)
                .ToList();
            if (mistakes.Count >= limit || failed.Count < window)
            {
                return mistakes;
            }

            window *= 4;
        }
    }
}
