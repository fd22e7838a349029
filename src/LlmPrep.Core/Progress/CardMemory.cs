namespace LlmPrep.Core.Progress;

/// <summary>The FSRS memory state of one card: what the scheduler reads and returns on each review.</summary>
/// <param name="State">Where the card is in the learning cycle.</param>
/// <param name="Stability">Days for retrievability to fall from 100% to 90%; 0 for a new card.</param>
/// <param name="Difficulty">How hard the card is, from 1 to 10; 0 for a new card.</param>
/// <param name="Due">When the card should next be reviewed.</param>
/// <param name="LastReview">When the card was last reviewed, or null if never.</param>
/// <param name="Step">Index of the current learning or relearning step; 0 in the New and Review states.</param>
/// <param name="Reps">Number of reviews so far.</param>
/// <param name="Lapses">Number of times the card was forgotten (rated Again) in the Review state.</param>
public sealed record CardMemory(
    CardState State,
    double Stability,
    double Difficulty,
    DateTimeOffset Due,
    DateTimeOffset? LastReview,
    int Step,
    int Reps,
    int Lapses)
{
    /// <summary>A card that has never been reviewed, due at <paramref name="now"/>.</summary>
    public static CardMemory New(DateTimeOffset now) => new(CardState.New, 0, 0, now, null, 0, 0, 0);
}
