using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

// The tests play a client that offers sampling (protocol 2025-11-25), which the SDK marks obsolete for 2026-07-28.
#pragma warning disable MCP9005

namespace LlmPrep.Server.Tests.Tools;

/// <summary>quiz_answer graded by the client's model through MCP sampling, and its fallbacks.</summary>
public sealed class QuizSamplingTests
{
    private const string CardId = "hybrid-search/why-combine-bm25-with-dense-retrieval";
    private const string Handshake = "2025-11-25";

    private static McpClientOptions Sampling(Func<CreateMessageRequestParams, string> reply, List<CreateMessageRequestParams>? seen = null) => new()
    {
        Handlers = new McpClientHandlers
        {
            SamplingHandler = (request, _, _) =>
            {
                seen?.Add(request!);
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
    public async Task A_valid_verdict_from_the_clients_model_grades_the_answer()
    {
        var seen = new List<CreateMessageRequestParams>();
        await using var mcp = await McpHarness.StartAsync(protocolVersion: Handshake, clientOptions: Sampling(
            _ => """Here you go: {"key_points":[{"index":1,"covered":true},{"index":2,"covered":true},{"index":3,"covered":false}],"rating":"hard","feedback":"Good contrast, but say why fusion raises recall."}""",
            seen));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "Lexical finds exact strings, dense finds meaning." });

        Assert.Equal("sampling", answer.GetProperty("grader").GetString());
        Assert.Equal("hard", answer.GetProperty("rating").GetString());
        Assert.Equal(0.67, answer.GetProperty("score").GetDouble());
        Assert.Equal(["Fusion raises recall."], answer.GetProperty("missed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Good contrast, but say why fusion raises recall.", answer.GetProperty("feedback").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("instruction").ValueKind);

        var request = Assert.Single(seen);
        var rubric = ((TextContentBlock)request.Messages[0].Content[0]).Text;
        Assert.Contains("1. BM25 finds exact terms.", rubric, StringComparison.Ordinal);
        Assert.Contains("Lexical finds exact strings, dense finds meaning.", rubric, StringComparison.Ordinal);
        Assert.Contains("JSON only", request.SystemPrompt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I think the candidate did well!")]
    [InlineData("{\"key_points\": \"all\", \"rating\": \"good\", \"feedback\": \"x\"}")]
    [InlineData("{\"key_points\":[{\"index\":1,\"covered\":true}],\"rating\":\"good\",\"feedback\":\"x\"}")]
    [InlineData("{\"key_points\":[{\"index\":1,\"covered\":true},{\"index\":2,\"covered\":true},{\"index\":3,\"covered\":true}],\"rating\":\"superb\",\"feedback\":\"x\"}")]
    [InlineData("{\"key_points\":[{\"index\":9,\"covered\":true}],\"rating\":\"good\",\"feedback\":\"x\"}")]
    [InlineData("{ not json at all }")]
    public async Task A_malformed_verdict_falls_back_to_key_points(string verdict)
    {
        await using var mcp = await McpHarness.StartAsync(protocolVersion: Handshake, clientOptions: Sampling(_ => verdict));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "BM25 finds exact terms; dense retrieval finds paraphrases; fusion raises recall." });

        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Equal("good", answer.GetProperty("rating").GetString());
        Assert.Contains("Model grading was unavailable", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_from_the_clients_model_falls_back_to_key_points()
    {
        await using var mcp = await McpHarness.StartAsync(protocolVersion: Handshake, clientOptions: Sampling(_ => ""));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "" });

        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Equal("again", answer.GetProperty("rating").GetString());
    }

    [Fact]
    public async Task Self_rating_skips_sampling()
    {
        var seen = new List<CreateMessageRequestParams>();
        await using var mcp = await McpHarness.StartAsync(protocolVersion: Handshake, clientOptions: Sampling(_ => "{}", seen));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "I knew it", ["self_rating"] = "good" });

        Assert.Equal("self", answer.GetProperty("grader").GetString());
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_current_revision_client_is_never_sampled_even_with_a_sampling_handler()
    {
        var seen = new List<CreateMessageRequestParams>();
        await using var mcp = await McpHarness.StartAsync(protocolVersion: "2026-07-28", clientOptions: Sampling(
            _ => """{"key_points":[{"index":1,"covered":true},{"index":2,"covered":true},{"index":3,"covered":true}],"rating":"easy","feedback":"x"}""",
            seen));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = "Lexical finds exact strings, dense finds meaning." });

        Assert.Equal("2026-07-28", mcp.Client.NegotiatedProtocolVersion);
        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Empty(seen);
        Assert.Contains("quiz_rate", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
    }
}
