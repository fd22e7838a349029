namespace LlmPrep.Core.Progress;

/// <summary>
/// One user's study history: card memory states and every review. It is the person's data, so every write is
/// committed before the call returns, and nothing here depends on the disposable index. Every method is scoped
/// to <see cref="UserId"/>; an <see cref="IProgressDatabase"/> hands out one view per user.
/// </summary>
/// <remarks>Methods throw <see cref="ProgressStoreException"/> when the store cannot be read or written (busy, read-only, disk full).</remarks>
public interface IProgressStore : IDisposable
{
    string UserId { get; }

    /// <summary>The card's memory, or null if it was never reviewed.</summary>
    CardMemory? Memory(string cardId);

    /// <summary>Every reviewed card's memory, by card id (cards no longer in the corpus included).</summary>
    IReadOnlyDictionary<string, CardMemory> Memories();

    /// <summary>Records a review and the card's new memory in one transaction.</summary>
    ReviewRecord Record(NewReview review);

    /// <summary>
    /// Reads the card's history, lets <paramref name="decide"/> build the review from it, and records that review, all in
    /// one write transaction, so concurrent answers to one card never schedule from a stale state. When
    /// <paramref name="decide"/> returns null nothing is written and the card's last review is returned.
    /// </summary>
    RecordedReview Record(string cardId, Func<CardHistory, NewReview?> decide);

    /// <summary>
    /// Replaces the rating of a review (and the memory it produced) in one transaction; the review is no longer provisional.
    /// <paramref name="missed"/> and <paramref name="verdict"/>, when given, replace the stored ones.
    /// </summary>
    ReviewRecord Amend(
        long reviewId, Rating rating, double? score, string grader, CardMemory after, DateTimeOffset amendedAt,
        IReadOnlyList<string>? missed = null, string? verdict = null);

    ReviewRecord? Review(long reviewId);

    /// <summary>The newest review of a card, or null.</summary>
    ReviewRecord? LastReview(string cardId);

    /// <summary>The newest reviews, newest first; only Again-rated ones when <paramref name="failedOnly"/>.</summary>
    IReadOnlyList<ReviewRecord> RecentReviews(int limit, bool failedOnly = false);

    /// <summary>Review timestamps, oldest first (for streaks and activity).</summary>
    IReadOnlyList<DateTimeOffset> ReviewTimes();
}
