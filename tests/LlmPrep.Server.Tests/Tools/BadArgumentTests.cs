using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Tools;

/// <summary>
/// Every malformed argument, sent as raw JSON through a real MCP client, gets an answer that names the parameter, says
/// what was wrong and what to send: an isError tool result for tool arguments, -32602 for protocol-level parameters.
/// </summary>
public sealed class BadArgumentTests : IAsyncLifetime
{
    private McpHarness _mcp = null!;
    private McpHarness _raw = null!;
    private int _nextId = 100;

    public static TheoryData<string, string, string> ToolCalls => new()
    {
        { "search_notes", """{"query":123}""", "'query'" },
        { "search_notes", """{}""", "'query'" },
        { "search_notes", """{"query":null}""", "'query'" },
        { "search_notes", """{"query":"\ud800"}""", "'query'" },
        { "search_notes", """{"query":"kv \udfff cache"}""", "'query'" },
        { "search_notes", """{"query":"x","limit":"ten"}""", "'limit'" },
        { "search_notes", """{"query":"x","limit":1.5}""", "'limit'" },
        { "search_notes", """{"query":"x","offset":true}""", "'offset'" },
        { "search_notes", """{"query":"x","max_tokens":1e40}""", "'max_tokens'" },
        { "search_notes", """{"query":"x","level":7}""", "'level'" },
        { "search_notes", """{"query":"x","tags":"retrieval"}""", "'tags'" },
        { "search_notes", """{"query":"x","tags":[1,2]}""", "'tags'" },
        { "read_note", """{}""", "'uri'" },
        { "read_note", """{"uri":42}""", "'uri'" },
        { "read_note", """{"uri":"\udc00abc"}""", "'uri'" },
        { "read_note", """{"uri":"x","max_tokens":"many"}""", "'max_tokens'" },
        { "read_note", """{"uri":"x","offset":99999999999999}""", "'offset'" },
        { "list_topics", """{"section":5}""", "'section'" },
        { "list_topics", """{"level":["a"]}""", "'level'" },
        { "quiz_next", """{"topic":{"a":1}}""", "'topic'" },
        { "quiz_next", """{"topic":"\ud800"}""", "'topic'" },
        { "quiz_answer", """{"answer":"x"}""", "'card_id'" },
        { "quiz_answer", """{"card_id":"x"}""", "'answer'" },
        { "quiz_answer", """{"card_id":"c","answer":"a","self_rating":"bogus"}""", "'self_rating'" },
        { "quiz_answer", """{"card_id":"c","answer":"a","self_rating":3}""", "'self_rating'" },
        { "quiz_answer", """{"card_id":"c","answer":"\ud83d"}""", "'answer'" },
        { "quiz_answer", """{"card_id":["c"],"answer":"a"}""", "'card_id'" },
        { "quiz_rate", """{"card_id":"c","key_points":[{"index":"one","status":"covered"}]}""", "'index'" },
        { "quiz_rate", """{"card_id":"c","key_points":[{"index":1}]}""", "'status'" },
        { "quiz_rate", """{"card_id":"c","rating":"bogus"}""", "'rating'" },
        { "quiz_rate", """{"card_id":"c","rating":"good","review_id":"x"}""", "'review_id'" },
        { "quiz_rate", """{"card_id":"c","rating":"good","review_id":1.5}""", "'review_id'" },
        { "quiz_reveal", """{}""", "'card_id'" },
        { "quiz_reveal", """{"card_id":false}""", "'card_id'" },
    };

    public static TheoryData<string, string, string> ProtocolCalls => new()
    {
        { "completion/complete", """{"ref":{"type":"ref/unknown","name":"quiz_me"},"argument":{"name":"topic","value":"ra"}}""", "'ref.type'" },
        { "completion/complete", """{"ref":{"type":"ref/prompt","name":"quiz_me"},"argument":{"name":"topic","value":5}}""", "'argument.value'" },
        { "completion/complete", """{"ref":{"type":"ref/prompt","name":"quiz_me"},"argument":{"value":"ra"}}""", "'argument.name'" },
        { "completion/complete", """{"argument":{"name":"topic","value":"ra"}}""", "'ref'" },
        { "completion/complete", """{"ref":{"type":"ref/prompt","name":"quiz_me"},"argument":{"name":"topic","value":"\ud800"}}""", "'argument.value'" },
        { "completion/complete", """{"ref":"quiz_me","argument":{"name":"topic","value":"ra"}}""", "'ref'" },
        { "resources/read", """{"uri":"\ud800"}""", "'uri'" },
        { "resources/read", """{}""", "'uri'" },
        { "resources/read", """{"uri":5}""", "'uri'" },
        { "prompts/get", """{"name":"quiz_me","arguments":{"topic":"\ud800"}}""", "'topic'" },
        { "prompts/get", """{"name":"quiz_me","arguments":{"topic":5}}""", "'topic'" },
        { "prompts/get", """{"arguments":{}}""", "'name'" },
    };

    public async Task InitializeAsync()
    {
        _mcp = await McpHarness.StartAsync();
        _raw = await McpHarness.StartRawAsync();
    }

    public async Task DisposeAsync()
    {
        await _mcp.DisposeAsync();
        await _raw.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(ToolCalls))]
    public async Task Bad_tool_arguments_get_an_error_result_that_names_the_parameter(string tool, string arguments, string parameter)
    {
        var (result, error) = await SendAsync(RequestMethods.ToolsCall, $$"""{"name":"{{tool}}","arguments":{{arguments}}}""");

        Assert.True(error is null, $"{tool} {arguments} should give a tool result, not {error}");
        Assert.True(result!.Value.TryGetProperty("isError", out var isError) && isError.GetBoolean(), $"{tool} {arguments} should fail: {result}");
        var text = string.Join('\n', result.Value.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        Assert.Contains(parameter, text, StringComparison.Ordinal);
        Assert.DoesNotContain("An error occurred", text, StringComparison.Ordinal);
        Assert.Contains("send", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(ProtocolCalls))]
    public async Task Bad_protocol_parameters_get_invalid_params_that_name_the_parameter(string method, string parameters, string parameter)
    {
        var (result, error) = await SendAsync(method, parameters);

        Assert.True(error is not null, $"{method} {parameters} should fail: {result}");
        Assert.Equal((int)McpErrorCode.InvalidParams, error!.Value.Code);
        Assert.Contains(parameter, error.Value.Message, StringComparison.Ordinal);
        Assert.Contains("send", error.Value.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Through the MCP client; text with an escaped unpaired surrogate (which no typed client can write) as a raw line.</summary>
    private async Task<(JsonElement? Result, (int Code, string Message)? Error)> SendAsync(string method, string parameters)
    {
        if (parameters.Contains("\\ud", StringComparison.Ordinal))
        {
            var id = Interlocked.Increment(ref _nextId);
            var response = await _raw.RequestRawAsync(id, $$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
            return response.TryGetProperty("error", out var rawError)
                ? (null, (rawError.GetProperty("code").GetInt32(), rawError.GetProperty("message").GetString()!))
                : (response.GetProperty("result").Clone(), null);
        }

        try
        {
            var reply = await _mcp.Client.SendRequestAsync(new JsonRpcRequest { Method = method, Params = JsonNode.Parse(parameters) });
            return (JsonSerializer.SerializeToElement(reply.Result), null);
        }
        catch (McpProtocolException ex)
        {
            return (null, ((int)ex.ErrorCode, ex.Message));
        }
    }

    [Fact]
    public async Task The_server_keeps_answering_after_bad_input()
    {
        await Bad_tool_arguments_get_an_error_result_that_names_the_parameter("search_notes", """{"query":"\ud800"}""", "'query'");

        var result = await _mcp.CallOkAsync("search_notes", new() { ["query"] = "hnsw" });
        Assert.NotEmpty(result.GetProperty("hits").EnumerateArray());
    }
}
