using System.Text.Json;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Tools;

/// <summary>
/// The person confirms through elicitation: a form of key-point checkboxes and the derived rating, sent as an
/// elicitation request to 2025-11-25 clients and as an input request (multi round-trip) to 2026-07-28 clients.
/// </summary>
public sealed class QuizElicitationTests
{
    private const string CardId = "hybrid-search/why-combine-bm25-with-dense-retrieval";
    private const string Answer = "BM25 finds exact terms; dense retrieval finds paraphrases.";

    private static McpClientOptions Eliciting(string protocol, Func<ElicitRequestParams, ElicitResult> reply, List<ElicitRequestParams> seen) => new()
    {
        ProtocolVersion = protocol,
        Handlers = new McpClientHandlers
        {
            ElicitationHandler = (request, _) =>
            {
                lock (seen)
                {
                    seen.Add(request!);
                }

                return ValueTask.FromResult(reply(request!));
            },
        },
    };

    private static ElicitResult Accept(params (string Field, object Value)[] fields) => new()
    {
        Action = "accept",
        Content = fields.ToDictionary(f => f.Field, f => JsonSerializer.SerializeToElement(f.Value, f.Value is bool ? McpJsonTypes.Bool : McpJsonTypes.String)),
    };

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task The_person_ticks_key_points_and_their_verdict_is_saved(string protocol)
    {
        var seen = new List<ElicitRequestParams>();
        await using var mcp = await McpHarness.StartAsync(clientOptions: Eliciting(protocol,
            form => Accept(("point_1", true), ("point_2", true), ("point_3", true), ("rating", form.RequestedSchema!.Properties["rating"] is ElicitRequestParams.TitledSingleSelectEnumSchema r ? r.Default! : "x")),
            seen));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });

        var form = Assert.Single(seen);
        var properties = form.RequestedSchema!.Properties;
        var first = Assert.IsType<ElicitRequestParams.BooleanSchema>(properties["point_1"]);
        Assert.Equal("BM25 finds exact terms.", first.Title);
        Assert.True(first.Default);
        Assert.False(Assert.IsType<ElicitRequestParams.BooleanSchema>(properties["point_3"]).Default);
        var rating = Assert.IsType<ElicitRequestParams.TitledSingleSelectEnumSchema>(properties["rating"]);
        Assert.Equal(["again", "hard", "good", "easy"], rating.OneOf.Select(o => o.Const));
        Assert.Contains("Which key points did your answer cover?", form.Message, StringComparison.Ordinal);

        Assert.Equal("person", answer.GetProperty("grader").GetString());
        Assert.Equal("easy", answer.GetProperty("rating").GetString());
        Assert.Equal("final", answer.GetProperty("judgement").GetString());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("instruction").ValueKind);
        Assert.Equal(["covered", "covered", "covered"], answer.GetProperty("key_point_statuses").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, (await mcp.CallOkAsync("progress_report", [])).GetProperty("reviews").GetInt32());

        Assert.Contains("their verdict stands", await mcp.CallErrorAsync("quiz_rate", new() { ["card_id"] = CardId, ["rating"] = "again" }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rating_the_person_changes_overrules_the_ticks()
    {
        var seen = new List<ElicitRequestParams>();
        await using var mcp = await McpHarness.StartAsync(clientOptions: Eliciting("2025-11-25",
            _ => Accept(("point_1", true), ("point_2", false), ("point_3", false), ("rating", "good")), seen));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "" });

        Assert.Equal("good", answer.GetProperty("rating").GetString());
        Assert.Equal("person", answer.GetProperty("grader").GetString());
        Assert.Equal(["covered", "missed", "missed"], answer.GetProperty("key_point_statuses").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("2025-11-25", "decline")]
    [InlineData("2025-11-25", "cancel")]
    [InlineData("2026-07-28", "decline")]
    [InlineData("2026-07-28", "cancel")]
    public async Task Decline_or_cancel_keeps_the_judges_rating(string protocol, string action)
    {
        var seen = new List<ElicitRequestParams>();
        await using var mcp = await McpHarness.StartAsync(clientOptions: Eliciting(protocol, _ => new ElicitResult { Action = action }, seen));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });

        Assert.Single(seen);
        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
        Assert.Contains("quiz_rate", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task A_client_without_elicitation_is_not_asked(string protocol)
    {
        await using var mcp = await McpHarness.StartAsync(clientOptions: new McpClientOptions { ProtocolVersion = protocol });

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });

        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
    }

    [Fact]
    public async Task Self_rating_does_not_ask_again()
    {
        var seen = new List<ElicitRequestParams>();
        await using var mcp = await McpHarness.StartAsync(clientOptions: Eliciting("2025-11-25", _ => Accept(), seen));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer, ["self_rating"] = "hard" });

        Assert.Empty(seen);
        Assert.Equal("hard", answer.GetProperty("rating").GetString());
    }
}
