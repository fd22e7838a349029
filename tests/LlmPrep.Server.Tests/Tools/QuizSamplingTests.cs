using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

// The tests play a client that offers sampling (protocol 2025-11-25), which the SDK marks obsolete for 2026-07-28.
#pragma warning disable MCP9005

namespace LlmPrep.Server.Tests.Tools;

/// <summary>quiz_answer judged by the client's model through MCP sampling (2025-11-25 clients only), and its fallbacks.</summary>
public sealed class QuizSamplingTests
{
    private const string CardId = "hybrid-search/why-combine-bm25-with-dense-retrieval";

    internal static McpClientOptions Sampling(Func<CreateMessageRequestParams, string> reply, List<CreateMessageRequestParams>? seen = null, string? protocol = "2025-11-25") => new()
    {
        ProtocolVersion = protocol,
        Handlers = new McpClientHandlers
        {
            SamplingHandler = (request, _, _) =>
            {
                lock (seen ?? [])
                {
                    seen?.Add(request!);
                }

                return ValueTask.FromResult(new CreateMessageResult
                {
                    Model = "test-judge",
                    Role = Role.Assistant,
                    Content = [new TextContentBlock { Text = reply(request!) }],
                });
            },
        },
    };

    [Fact]
    public async Task A_valid_verdict_from_the_clients_model_judges_the_answer()
    {
        var seen = new List<CreateMessageRequestParams>();
        await using var mcp = await McpHarness.StartAsync(clientOptions: Sampling(
            _ => "Here you go: " + Verdicts.Json(["covered", "covered", "partly"]), seen));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "Lexical finds exact strings, dense finds meaning, and combining helps." });

        Assert.Equal("sampling", answer.GetProperty("grader").GetString());
        Assert.Equal("good", answer.GetProperty("rating").GetString());
        Assert.Equal("final", answer.GetProperty("judgement").GetString());
        Assert.Equal(0.83, answer.GetProperty("score").GetDouble());
        Assert.Equal(["covered", "covered", "partly"], answer.GetProperty("key_point_statuses").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Fusion raises recall."], answer.GetProperty("missed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Clear on lexical versus dense; say why fusion helps.", answer.GetProperty("feedback").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("instruction").ValueKind);

        var request = Assert.Single(seen);
        var rubric = ((TextContentBlock)request.Messages[0].Content[0]).Text;
        Assert.Contains("1. BM25 finds exact terms.", rubric, StringComparison.Ordinal);
        Assert.Contains("Lexical finds exact strings", rubric, StringComparison.Ordinal);
        Assert.Contains("contradicted", request.SystemPrompt, StringComparison.Ordinal);
        Assert.Contains("JSON only", request.SystemPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confident_answer_with_a_false_claim_is_capped_by_the_one_rule()
    {
        await using var mcp = await McpHarness.StartAsync(clientOptions: Sampling(
            _ => Verdicts.Json(["covered", "contradicted", "covered"], ["Dense retrieval matches exact tokens."])));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "BM25 finds meaning, dense retrieval finds exact tokens, fusion raises recall." });

        Assert.Equal("again", answer.GetProperty("rating").GetString());
        Assert.Equal(["Dense retrieval matches exact tokens."], answer.GetProperty("false_claims").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("I think the candidate did well!")]
    [InlineData("{\"key_points\": \"all\", \"false_claims\": [], \"feedback\": \"x\"}")]
    [InlineData("{\"key_points\":[{\"index\":1,\"status\":\"covered\"}],\"false_claims\":[],\"feedback\":\"x\"}")]
    [InlineData("{\"key_points\":[{\"index\":1,\"status\":\"covered\"},{\"index\":2,\"status\":\"covered\"},{\"index\":3,\"status\":\"superb\"}],\"false_claims\":[],\"feedback\":\"x\"}")]
    [InlineData("{\"key_points\":[{\"index\":1,\"status\":\"covered\"},{\"index\":1,\"status\":\"covered\"},{\"index\":3,\"status\":\"covered\"}],\"false_claims\":[],\"feedback\":\"x\"}")]
    [InlineData("{\"key_points\":[{\"index\":9,\"status\":\"covered\"}],\"false_claims\":[],\"feedback\":\"x\"}")]
    [InlineData("{\"key_points\":[{\"index\":1,\"status\":\"covered\"},{\"index\":2,\"status\":\"covered\"},{\"index\":3,\"status\":\"covered\"}],\"false_claims\":[],\"feedback\":\"\"}")]
    [InlineData("{ not json at all }")]
    public async Task A_malformed_verdict_falls_back_to_a_provisional_grade_for_the_host(string verdict)
    {
        await using var mcp = await McpHarness.StartAsync(clientOptions: Sampling(_ => verdict));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "BM25 finds exact terms; dense retrieval finds paraphrases; fusion raises recall." });

        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
        Assert.Contains("the client's model", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
        Assert.Contains("quiz_rate", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_from_the_clients_model_falls_back()
    {
        await using var mcp = await McpHarness.StartAsync(clientOptions: Sampling(_ => ""));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "" });

        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Equal("again", answer.GetProperty("rating").GetString());
        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
    }

    [Fact]
    public async Task A_2026_07_28_client_is_never_asked_to_sample()
    {
        var seen = new List<CreateMessageRequestParams>();
        await using var mcp = await McpHarness.StartAsync(clientOptions: Sampling(_ => Verdicts.Json(["covered", "covered", "covered"]), seen, protocol: "2026-07-28"));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "BM25 finds exact terms." });

        Assert.Empty(seen);
        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
        Assert.Contains("sampling is deprecated in protocol 2026-07-28", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_rating_skips_sampling()
    {
        var seen = new List<CreateMessageRequestParams>();
        await using var mcp = await McpHarness.StartAsync(clientOptions: Sampling(_ => "{}", seen));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "I knew it", ["self_rating"] = "good" });

        Assert.Equal("self", answer.GetProperty("grader").GetString());
        Assert.Equal("final", answer.GetProperty("judgement").GetString());
        Assert.Empty(seen);
    }
}
