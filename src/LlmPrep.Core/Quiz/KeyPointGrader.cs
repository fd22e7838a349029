using System.Globalization;
using System.Runtime.CompilerServices;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// The deterministic grader: a key point counts as covered when the answer contains at least half of
/// its content terms, and at least two of them (stemmed, with aliases expanded). The score is the mean coverage, with full credit
/// for covered points and partial credit for the rest.
/// </summary>
public sealed class KeyPointGrader(AliasMap aliases)
{
    private static readonly ConditionalWeakTable<CorpusSnapshot, KeyPointGrader> Cache = [];

    public const string Name = "key_points";
    public const double CoveredThreshold = 0.5;

    /// <summary>The grader for a corpus, built once per snapshot (its acronym map scans every note).</summary>
    public static KeyPointGrader For(CorpusSnapshot corpus) => Cache.GetValue(corpus, static c => new KeyPointGrader(new AliasMap(c.Notes)));

    public Grade Grade(QuizCard card, string answer)
    {
        var plainTerms = TextTerms.Of(answer);
        var answerTerms = aliases.Expand(plainTerms);
        var covered = new List<string>();
        var missed = new List<string>();
        var total = 0.0;
        foreach (var point in card.KeyPoints)
        {
            var pointTerms = TextTerms.Of(point);
            var matched = pointTerms.Count(answerTerms.Contains);
            var fraction = pointTerms.Count == 0 ? 0 : (double)matched / pointTerms.Count;
            if (fraction >= CoveredThreshold && matched >= Math.Min(2, pointTerms.Count))
            {
                covered.Add(point);
                total += 1;
            }
            else
            {
                missed.Add(point);
                total += fraction;
            }
        }

        var score = card.KeyPoints.Count == 0 ? 0 : total / card.KeyPoints.Count;
        if (plainTerms.Count < 3)
        {
            score = Math.Min(score, 0.2);
        }

        var rating = RatingFor(score);
        return new Grade(Math.Round(score, 2), rating, covered, missed, Feedback(card, covered, missed), Name);
    }

    /// <summary>Again below 35%, Hard below 60%, Good otherwise (Easy is left to people and model judges).</summary>
    public static Rating RatingFor(double score) => score switch
    {
        < 0.35 => Rating.Again,
        < 0.6 => Rating.Hard,
        _ => Rating.Good,
    };

    private static string Feedback(QuizCard card, List<string> covered, List<string> missed)
    {
        if (missed.Count == 0)
        {
            return card.KeyPoints.Count == 1
                ? "You covered the key point."
                : string.Create(CultureInfo.InvariantCulture, $"You covered all {card.KeyPoints.Count} key points.");
        }

        var start = covered.Count == 0
            ? "Your answer did not cover the key points yet."
            : string.Create(CultureInfo.InvariantCulture, $"You covered {covered.Count} of {card.KeyPoints.Count} key points.");
        return $"{start} Missing: {string.Join(" ", missed.Select(m => m.TrimEnd('.') + "."))}";
    }
}
