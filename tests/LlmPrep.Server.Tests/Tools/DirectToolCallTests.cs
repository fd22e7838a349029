using System.Text.Json;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Json;
using LlmPrep.Server.Tests.Support;
using LlmPrep.Server.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tests.Tools;

/// <summary>
/// search_notes and read_note are called by hand-written code that reads its arguments from the request's JSON; for every argument
/// shape it takes, its answer is byte for byte the answer of the SDK's binding, and every other shape is left to that binding.
/// </summary>
public sealed class DirectToolCallTests : IAsyncLifetime
{
    private McpHarness _mcp = null!;

    public async Task InitializeAsync() => _mcp = await McpHarness.StartAsync();

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    [Theory]
    [InlineData("""{"query":"reciprocal rank fusion"}""")]
    [InlineData("""{"query":"kv cache","limit":3,"offset":1,"max_tokens":500}""")]
    [InlineData("""{"query":"retrieval","section":"03","level":"intermediate","priority":"must"}""")]
    [InlineData("""{"query":"softmax","tags":["attention"]}""")]
    [InlineData("""{"query":"softmax","tags":[]}""")]
    [InlineData("""{"query":"\u0068nsw \"graph\"","section":"","level":"","priority":""}""")]
    [InlineData("""{"query":"xylophone zeppelin"}""")]
    [InlineData("""{"query":""}""")]
    [InlineData("""{"query":"kv","limit":0}""")]
    [InlineData("""{"query":"kv","limit":51}""")]
    [InlineData("""{"query":"kv","offset":-1}""")]
    [InlineData("""{"query":"kv","max_tokens":-5}""")]
    [InlineData("""{"query":"kv","level":"wizard"}""")]
    [InlineData("""{"query":"kv","limit":2147483647,"offset":-2147483648}""")]
    public async Task Search_notes_answers_exactly_as_the_sdk_binding_does(string arguments)
    {
        var request = Request("search_notes", arguments);

        var direct = await Answer(SearchNotesCall.TryInvoke(request, CancellationToken.None));
        var bound = await PrecomputedSurface.CreateTool<SearchTools>(nameof(SearchTools.SearchNotes), _mcp.Services, LlmPrepJsonContext.McpOptions)
            .InvokeAsync(Request("search_notes", arguments), CancellationToken.None);

        Assert.NotNull(direct);
        Assert.Equal(Json(bound), Json(direct));
    }

    [Theory]
    [InlineData("""{"query":null}""")]
    [InlineData("""{"limit":3}""")]
    [InlineData("""{"query":"kv","section":null}""")]
    [InlineData("""{"query":"kv","limit":3.0}""")]
    [InlineData("""{"query":"kv","limit":1e1}""")]
    [InlineData("""{"query":"kv","limit":"3"}""")]
    [InlineData("""{"query":"kv","limit":2147483648}""")]
    [InlineData("""{"query":"kv","tags":["attention",null]}""")]
    [InlineData("""{"query":"kv","tags":"attention"}""")]
    [InlineData("""{"query":"kv","unknown":1}""")]
    public async Task Other_argument_shapes_are_left_to_the_sdk_binding(string arguments) =>
        Assert.Null(await Answer(SearchNotesCall.TryInvoke(Request("search_notes", arguments), CancellationToken.None)));

    [Theory]
    [InlineData("""{"uri":"llmprep://notes/03-rag-and-embeddings/hybrid-search"}""")]
    [InlineData("""{"uri":"03-rag-and-embeddings/hybrid-search","offset":100,"max_tokens":200}""")]
    [InlineData("""{"uri":"hybrid-search","max_tokens":99}""")]
    [InlineData("""{"uri":"hybrid-search","offset":-1}""")]
    [InlineData("""{"uri":"no-such-note"}""")]
    [InlineData("""{"uri":""}""")]
    public async Task Read_note_answers_exactly_as_the_sdk_binding_does(string arguments)
    {
        var direct = await Answer(ReadNoteCall.TryInvoke(Request("read_note", arguments), CancellationToken.None));
        var bound = await PrecomputedSurface.CreateTool<ReadTools>(nameof(ReadTools.ReadNote), _mcp.Services, LlmPrepJsonContext.McpOptions)
            .InvokeAsync(Request("read_note", arguments), CancellationToken.None);

        Assert.NotNull(direct);
        Assert.Equal(Json(bound), Json(direct));
    }

    [Theory]
    [InlineData("""{"uri":null}""")]
    [InlineData("""{"offset":3}""")]
    [InlineData("""{"uri":"hybrid-search","offset":1.5}""")]
    [InlineData("""{"uri":"hybrid-search","max_tokens":null}""")]
    [InlineData("""{"uri":"hybrid-search","section":"x"}""")]
    public async Task Other_read_note_argument_shapes_are_left_to_the_sdk_binding(string arguments) =>
        Assert.Null(await Answer(ReadNoteCall.TryInvoke(Request("read_note", arguments), CancellationToken.None)));

    [Fact]
    public async Task A_client_gets_the_direct_answer_with_its_resource_links()
    {
        var result = await _mcp.CallAsync("search_notes", new() { ["query"] = "reciprocal rank fusion", ["limit"] = 2 });

        var text = Assert.IsType<TextContentBlock>(result.Content[0]).Text;
        Assert.Equal(JsonSerializer.Serialize(result.StructuredContent), JsonSerializer.Serialize(JsonDocument.Parse(text).RootElement));
        Assert.Equal(2, result.Content.OfType<ResourceLinkBlock>().Count());
    }

    private RequestContext<CallToolRequestParams> Request(string tool, string arguments)
    {
        var parameters = new CallToolRequestParams
        {
            Name = tool,
            Arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(arguments),
        };
        var server = _mcp.Services.GetRequiredService<McpServer>();
        return new RequestContext<CallToolRequestParams>(server, new JsonRpcRequest { Method = RequestMethods.ToolsCall, Id = new RequestId(1) }, parameters);
    }

    /// <summary>The hand-written call's answer, or null when it left the call to the SDK's binding.</summary>
    private static async Task<CallToolResult?> Answer(ValueTask<CallToolResult>? call) => call is { } answer ? await answer : null;

    private static string Json(CallToolResult? result) => result is null ? "" :
        JsonSerializer.Serialize(result, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult)));
}
