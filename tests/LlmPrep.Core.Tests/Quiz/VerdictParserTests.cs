using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Core.Tests.Quiz;

/// <summary>A judge's reply is used only when it judges every key point of the card once, in the rubric's shape.</summary>
public sealed class VerdictParserTests
{
    private static readonly QuizCard Card = new(
        "hybrid-search/why", "hybrid-search", "Why combine BM25 with dense retrieval?", "Each finds what the other misses.",
        ["BM25 finds exact terms.", "Dense retrieval finds paraphrases.", "Fusion raises recall."], 10);

    [Fact]
    public void A_fenced_reply_in_the_rubrics_shape_is_read()
    {
        var (verdict, feedback, problem) = VerdictParser.ParseReply(Card, """
            ```json
            {"key_points":[{"index":2,"status":"Partly"},{"index":1,"status":"covered","evidence":"keyword match"},{"index":3,"status":"contradicted"}],
             "false_claims":["Fusion lowers recall."],"feedback":"Fusion raises recall, not lowers it.","extra":1}
            ```
            """);

        Assert.Null(problem);
        Assert.Equal("Fusion raises recall, not lowers it.", feedback);
        Assert.Equal([KeyPointStatus.Covered, KeyPointStatus.Partly, KeyPointStatus.Contradicted], verdict!.KeyPoints.Select(k => k.Status));
        Assert.Equal("keyword match", verdict.KeyPoints[0].Evidence);
        Assert.Equal(["Fusion lowers recall."], verdict.FalseClaims);
        Assert.Equal(Rating.Again, verdict.ToRating());
    }

    [Theory]
    [InlineData("no json here", "not JSON")]
    [InlineData("{\"key_points\":{},\"feedback\":\"x\"}", "not valid JSON")]
    [InlineData("{\"feedback\":\"x\"}", "no key_points")]
    [InlineData("{\"key_points\":[{\"index\":1,\"status\":\"1\"}],\"feedback\":\"x\"}", "valid index and status")]
    [InlineData("{\"key_points\":[{\"status\":\"covered\"}],\"feedback\":\"x\"}", "valid index and status")]
    [InlineData("{\"key_points\":[{\"index\":1,\"status\":\"covered\"},{\"index\":2,\"status\":\"covered\"},{\"index\":3,\"status\":\"covered\"}]}", "no usable feedback")]
    [InlineData("{\"key_points\":[{\"index\":1,\"status\":\"covered\"},{\"index\":2,\"status\":\"covered\"}],\"feedback\":\"x\"}", "key point 3 is not judged")]
    [InlineData("{\"key_points\":[{\"index\":1,\"status\":\"covered\"},{\"index\":1,\"status\":\"missed\"},{\"index\":3,\"status\":\"covered\"}],\"feedback\":\"x\"}", "judged twice")]
    [InlineData("{\"key_points\":[{\"index\":0,\"status\":\"covered\"}],\"feedback\":\"x\"}", "key point 0 does not exist")]
    public void An_incomplete_or_malformed_reply_is_refused(string reply, string problem)
    {
        var (verdict, _, reason) = VerdictParser.ParseReply(Card, reply);

        Assert.Null(verdict);
        Assert.Contains(problem, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_verdict_reads_back_the_same()
    {
        var verdict = new AnswerVerdict(
            [new(Card.KeyPoints[0], KeyPointStatus.Covered, "said\tit\nclearly"), new(Card.KeyPoints[1], KeyPointStatus.Partly), new(Card.KeyPoints[2], KeyPointStatus.Contradicted)],
            ["Fusion lowers recall."]);

        var back = VerdictText.Decode(Card, VerdictText.Encode(verdict))!;

        Assert.Equal(verdict.KeyPoints.Select(k => k.Status), back.KeyPoints.Select(k => k.Status));
        Assert.Equal("said it clearly", back.KeyPoints[0].Evidence);
        Assert.Equal(verdict.FalseClaims, back.FalseClaims);
        Assert.Null(VerdictText.Decode(Card with { KeyPoints = ["only one"] }, VerdictText.Encode(verdict)));
        Assert.Null(VerdictText.Decode(Card, "bogus\tline"));
    }
}
