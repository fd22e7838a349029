using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// How a verdict is kept in the progress store: one line per key point (<c>status</c> TAB <c>evidence</c>, in the card's
/// order) and one line per false claim (<c>false</c> TAB <c>claim</c>). Plain text, so the store stays free of quiz types.
/// </summary>
public static class VerdictText
{
    private const string FalseClaim = "false";

    public static string Encode(AnswerVerdict verdict) => string.Join('\n',
        verdict.KeyPoints.Select(k => $"{k.Status.ToString().ToLowerInvariant()}\t{Flat(k.Evidence)}")
            .Concat(verdict.FalseClaims.Select(c => $"{FalseClaim}\t{Flat(c)}")));

    /// <summary>The stored verdict for a card, or null when there is none or it no longer fits the card's key points.</summary>
    public static AnswerVerdict? Decode(QuizCard card, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var points = new List<KeyPointVerdict>();
        var claims = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var head = tab < 0 ? line : line[..tab];
            var rest = tab < 0 ? "" : line[(tab + 1)..];
            if (head == FalseClaim)
            {
                claims.Add(rest);
            }
            else if (VerdictParser.TryStatus(head, out var status) && points.Count < card.KeyPoints.Count)
            {
                points.Add(new KeyPointVerdict(card.KeyPoints[points.Count], status, rest.Length == 0 ? null : rest));
            }
            else
            {
                return null;
            }
        }

        return points.Count == card.KeyPoints.Count ? new AnswerVerdict(points, claims) : null;
    }

    /// <summary>A verdict that says only which key points a grade counted as covered (the rest missed).</summary>
    public static AnswerVerdict FromCovered(QuizCard card, IReadOnlyCollection<string> covered) => new(
        card.KeyPoints.Select(k => new KeyPointVerdict(k, covered.Contains(k) ? KeyPointStatus.Covered : KeyPointStatus.Missed)).ToList(),
        []);

    /// <summary>The grade a verdict amounts to, rated by <see cref="AnswerVerdict.ToRating"/>.</summary>
    public static Grade ToGrade(AnswerVerdict verdict, string feedback, string judge, Progress.Rating? rating = null) => new(
        Math.Round(verdict.Coverage, 2),
        rating ?? verdict.ToRating(),
        verdict.KeyPoints.Where(k => k.Status == KeyPointStatus.Covered).Select(k => k.KeyPoint).ToList(),
        verdict.KeyPoints.Where(k => k.Status != KeyPointStatus.Covered).Select(k => k.KeyPoint).ToList(),
        feedback,
        judge);

    private static string Flat(string? text) => (text ?? "").Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
