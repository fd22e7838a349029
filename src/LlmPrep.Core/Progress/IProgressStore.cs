
namespace LlmPrep.Core.Progress;

/// <summary>
/// A person's study history: card memory states and every review. It is the user's data, so every
/// write is committed before the call returns, and nothing here depends on the disposable index.
/// One store serves one user id (SQLite for one person; a shared deployment would key a server database by it).
/// </summary>
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
