using LlmPrep.Server.Grading;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.Tools;

/// <summary>
/// quiz_answer judged by a configured model (LlmPrep:Grader) over the chat-completions protocol, against a real HTTP
/// server in the test: valid, malformed, refused and slow replies.
/// </summary>
public sealed class QuizEndpointJudgeTests
{
    private const string CardId = "hybrid-search/why-combine-bm25-with-dense-retrieval";
    private const string Answer = "Keyword search catches exact tokens, embeddings catch meaning, and merging both lists finds more.";

    private static GraderSettings Grader(ChatCompletionsServer server, string? keyVariable = null) => new()
    {
        Endpoint = server.Endpoint,
        Model = "judge-model",
        ApiKeyVariable = keyVariable,
        Timeout = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public async Task A_configured_model_judges_the_answer_with_the_rubric()
    {
        var variable = $"LLMPREP_TEST_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "sk-test-secret");
        await using var model = await ChatCompletionsServer.StartAsync(_ => ChatCompletionsServer.Content(Verdicts.Json(["covered", "covered", "covered"])));
        await using var mcp = await McpHarness.StartAsync(grader: Grader(model, variable));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });

        Assert.Equal("endpoint", answer.GetProperty("grader").GetString());
        Assert.Equal("easy", answer.GetProperty("rating").GetString());
        Assert.Equal("final", answer.GetProperty("judgement").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, answer.GetProperty("instruction").ValueKind);

        var (body, authorization) = Assert.Single(model.Requests);
        Assert.Equal("judge-model", body["model"]!.GetValue<string>());
        Assert.Equal("Bearer sk-test-secret", authorization);
        var messages = body["messages"]!.AsArray();
        Assert.Contains("contradicted", messages[0]!["content"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("3. Fusion raises recall.", messages[1]!["content"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains(Answer, messages[1]!["content"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The answer looks fine to me.")]
    [InlineData("{\"key_points\":[{\"index\":1,\"status\":\"covered\"}],\"false_claims\":[],\"feedback\":\"partial list\"}")]
    [InlineData("{\"key_points\":[{\"index\":1,\"covered\":true},{\"index\":2,\"covered\":true},{\"index\":3,\"covered\":true}],\"rating\":\"good\",\"feedback\":\"old shape\"}")]
    public async Task A_malformed_reply_falls_back_to_the_host_model(string reply)
    {
        await using var model = await ChatCompletionsServer.StartAsync(_ => ChatCompletionsServer.Content(reply));
        await using var mcp = await McpHarness.StartAsync(grader: Grader(model));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });

        Assert.Single(model.Requests);
        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
        Assert.Contains("the grader model (judge-model)", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("{\"choices\": 3}")]
    [InlineData("")]
    public async Task A_reply_that_is_not_a_chat_completion_falls_back(string body)
    {
        await using var model = await ChatCompletionsServer.StartAsync(_ => ChatCompletionsServer.Body(body));
        await using var mcp = await McpHarness.StartAsync(grader: Grader(model));

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });

        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
        Assert.Contains("quiz_rate", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_refused_request_falls_back_without_retrying_or_showing_the_key(int status)
    {
        var variable = $"LLMPREP_TEST_KEY_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "sk-never-shown");
        await using var model = await ChatCompletionsServer.StartAsync(_ => ChatCompletionsServer.Status(status, "Incorrect API key provided: sk-never-shown"));
        await using var mcp = await McpHarness.StartAsync(grader: Grader(model, variable));

        var result = await mcp.CallAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });
        var answer = result.StructuredContent!.Value;

        Assert.Single(model.Requests);
        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
        Assert.Contains($"refused the request (HTTP {status})", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-never-shown", McpHarness.Text(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_model_times_out_and_falls_back()
    {
        await using var model = await ChatCompletionsServer.StartAsync(_ => ChatCompletionsServer.Hang());
        await using var mcp = await McpHarness.StartAsync(grader: Grader(model) with { Timeout = TimeSpan.FromMilliseconds(300) });

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });

        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
        Assert.Contains("did not answer within", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await mcp.CallOkAsync("progress_report", [])).GetProperty("reviews").GetInt32());
    }

    [Fact]
    public async Task An_unreachable_endpoint_falls_back()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var mcp = await McpHarness.StartAsync(grader: new GraderSettings { Endpoint = $"http://127.0.0.1:{port}/v1", Model = "m" });

        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });

        Assert.Equal("provisional", answer.GetProperty("judgement").GetString());
        Assert.Contains("could not be reached", answer.GetProperty("instruction").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sampling_comes_first_for_a_2025_11_25_client_and_the_endpoint_for_a_2026_07_28_one()
    {
        await using var model = await ChatCompletionsServer.StartAsync(_ => ChatCompletionsServer.Content(Verdicts.Json(["covered", "missed", "missed"])));
        var reply = Verdicts.Json(["covered", "covered", "covered"]);

        await using (var older = await McpHarness.StartAsync(clientOptions: QuizSamplingTests.Sampling(_ => reply), grader: Grader(model)))
        {
            var answer = await older.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });
            Assert.Equal("sampling", answer.GetProperty("grader").GetString());
            Assert.Empty(model.Requests);
        }

        await using var newer = await McpHarness.StartAsync(clientOptions: QuizSamplingTests.Sampling(_ => reply, protocol: "2026-07-28"), grader: Grader(model));
        var judged = await newer.CallOkAsync("quiz_answer", new() { ["card_id"] = CardId, ["answer"] = Answer });
        Assert.Equal("endpoint", judged.GetProperty("grader").GetString());
        Assert.Equal("again", judged.GetProperty("rating").GetString());
        Assert.Single(model.Requests);
    }
}
