using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// A judge's verdict on a whole answer: one status per key point plus any false claims the answer makes.
/// Every judge (the person, a model through sampling or an endpoint, the host's model, the local grader)
/// reports this shape, and <see cref="ToRating"/> turns it into an FSRS rating by one rule.
/// </summary>
public sealed record AnswerVerdict(IReadOnlyList<KeyPointVerdict> KeyPoints, IReadOnlyList<string> FalseClaims)
{
    /// <summary>Coverage from 0 to 1: a covered point counts 1, a partly covered one 0.5, missed and contradicted 0.</summary>
    public double Coverage => KeyPoints.Count == 0
        ? 0
        : KeyPoints.Sum(k => k.Status switch { KeyPointStatus.Covered => 1.0, KeyPointStatus.Partly => 0.5, _ => 0.0 }) / KeyPoints.Count;

    /// <summary>True when the answer contradicts a key point or makes a false claim.</summary>
    public bool HasErrors => FalseClaims.Count > 0 || KeyPoints.Any(k => k.Status == KeyPointStatus.Contradicted);

    /// <summary>
    /// The one rule from verdict to rating. An answer with an error is Hard at best (Again unless three
    /// quarters are covered). Otherwise: every point covered is Easy, three quarters Good, half Hard,
    /// less Again. <paramref name="allowEasy"/> is false for judges that match words rather than meaning.
    /// </summary>
    public Rating ToRating(bool allowEasy = true)
    {
        var coverage = Coverage;
        if (HasErrors)
        {
            return coverage >= GoodCoverage ? Rating.Hard : Rating.Again;
        }

        if (allowEasy && KeyPoints.Count > 0 && KeyPoints.All(k => k.Status == KeyPointStatus.Covered))
        {
            return Rating.Easy;
        }

        return coverage switch
        {
            >= GoodCoverage => Rating.Good,
            >= HardCoverage => Rating.Hard,
            _ => Rating.Again,
        };
    }

    /// <summary>Share of key points an answer must cover for Good.</summary>
    public const double GoodCoverage = 0.75;

    /// <summary>Share of key points an answer must cover for Hard.</summary>
    public const double HardCoverage = 0.5;
}
