using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Core.Tests.Quiz;

public class AnswerVerdictTests
{
    private static AnswerVerdict Verdict(string statuses, params string[] falseClaims) =>
        new(statuses.Select((c, i) => new KeyPointVerdict($"point {i}", c switch
        {
            'C' => KeyPointStatus.Covered,
            'P' => KeyPointStatus.Partly,
            'M' => KeyPointStatus.Missed,
            _ => KeyPointStatus.Contradicted,
        })).ToList(), falseClaims);

    [Theory]
    [InlineData("CCCC", Rating.Easy)]
    [InlineData("CCCM", Rating.Good)]
    [InlineData("CCCP", Rating.Good)]
    [InlineData("CCMM", Rating.Hard)]
    [InlineData("CPPM", Rating.Hard)]
    [InlineData("CMMM", Rating.Again)]
    [InlineData("MMMM", Rating.Again)]
    [InlineData("CCCX", Rating.Hard)]
    [InlineData("CCXX", Rating.Again)]
    [InlineData("CCM", Rating.Hard)]
    [InlineData("CMM", Rating.Again)]
    public void One_rule_turns_a_verdict_into_a_rating(string statuses, Rating expected)
    {
        Assert.Equal(expected, Verdict(statuses).ToRating());
    }

    [Fact]
    public void A_false_claim_caps_a_full_answer_at_hard()
    {
        Assert.Equal(Rating.Hard, Verdict("CCCC", "RRF needs calibrated scores").ToRating());
        Assert.Equal(Rating.Again, Verdict("CCMM", "RRF needs calibrated scores").ToRating());
    }

    [Fact]
    public void Judges_that_match_words_never_give_easy()
    {
        Assert.Equal(Rating.Good, Verdict("CCCC").ToRating(allowEasy: false));
    }

    [Fact]
    public void Coverage_counts_partly_as_half()
    {
        Assert.Equal(0.5, Verdict("CPPM").Coverage);
        Assert.Equal(0.625, Verdict("CCPM").Coverage);
        Assert.Equal(0, Verdict("").Coverage);
        Assert.Equal(Rating.Again, Verdict("").ToRating());
    }
}
