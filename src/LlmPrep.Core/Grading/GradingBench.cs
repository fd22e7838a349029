using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Core.Grading;

/// <summary>A judge under test: grades one answer to one card.</summary>
public delegate ValueTask<Grade> AnswerJudge(QuizCard card, string answer, CancellationToken cancellationToken);

/// <summary>Runs a judge over a grading set and counts where it agrees with the interviewer's rating.</summary>
public static class GradingBench
{
    public static async Task<GradingResult> RunAsync(GradingSet set, CorpusSnapshot corpus, string judgeName, AnswerJudge judge, CancellationToken cancellationToken = default)
    {
        var missing = set.Cards.Select(c => c.Card).Where(id => corpus.FindCard(id) is null).ToList();
        if (missing.Count > 0)
        {
            throw new GradingSetException($"grading set '{set.Name}' names cards the corpus does not have: {string.Join(", ", missing)}");
        }

        var items = new List<GradedItem>();
        foreach (var (cardId, answer) in set.Answers)
        {
            var grade = await judge(corpus.FindCard(cardId)!, answer.Text, cancellationToken);
            items.Add(new GradedItem(cardId, answer.Kind, answer.Expected, grade));
        }

        return new GradingResult(set.Name, judgeName, items);
    }

    /// <summary>
    /// True when a judge's rating agrees with the interviewer's: the same rating, except that Good and Easy agree with
    /// each other (both mean "knew it"; a word-matching judge never gives Easy).
    /// </summary>
    public static bool Agrees(Rating expected, Rating got) =>
        expected == got || (expected is Rating.Good or Rating.Easy && got is Rating.Good or Rating.Easy);
}

/// <summary>One answer of the set as a judge graded it.</summary>
public sealed record GradedItem(string CardId, string Kind, Rating Expected, Grade Grade)
{
    public bool Agrees => GradingBench.Agrees(Expected, Grade.Rating);

    /// <summary>A wrong answer rated Good or Easy with high confidence: the mistake a judge must never make.</summary>
    public bool ConfidentlyPassedWrong => Kind == "wrong" && Grade.Rating is Rating.Good or Rating.Easy && Grade.ConfidenceLevel is "high" or null;
}

/// <summary>A judge's agreement with the interviewer over a grading set, per kind of answer.</summary>
public sealed record GradingResult(string SetName, string Judge, IReadOnlyList<GradedItem> Items)
{
    public IReadOnlyList<KindAgreement> PerKind => [.. GradingSet.Kinds
        .Select(k => Items.Where(i => i.Kind == k).ToList())
        .Where(l => l.Count > 0)
        .Select(l => new KindAgreement(l[0].Kind, l.Count(i => i.Agrees), l.Count, l.GroupBy(i => i.Grade.Rating).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count())))];

    public int ConfidentlyPassedWrong => Items.Count(i => i.ConfidentlyPassedWrong);
}

/// <summary>How often a judge agreed on one kind of answer, and what it rated them.</summary>
public sealed record KindAgreement(string Kind, int Agree, int Total, IReadOnlyDictionary<Rating, int> Ratings)
{
    public double Share => Total == 0 ? 0 : (double)Agree / Total;
}
