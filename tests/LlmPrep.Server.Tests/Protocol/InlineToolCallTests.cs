using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Json;
using LlmPrep.Server.Tests.Support;
using LlmPrep.Server.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tests.Protocol;

/// <summary>
/// search_notes and read_note calls with plain arguments are answered on the thread that read them, with the answer
/// the SDK's handling gives; every request that anything else in that handling applies to is left to it.
/// </summary>
public sealed class InlineToolCallTests : IAsyncLifetime
{
    private McpHarness _mcp = null!;
    private InlineToolCalls _inline = null!;

    public async Task InitializeAsync()
    {
        _mcp = await McpHarness.StartAsync();
        var host = _mcp.Services.GetRequiredService<LibraryHost>();
        await host.GetAsync();
        _inline = new InlineToolCalls(_mcp.Services.GetRequiredService<McpServer>(), host);
    }

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    [Theory]
    [InlineData("search_notes", """{"query":"reciprocal rank fusion"}""")]
    [InlineData("search_notes", """{"query":"kv cache","limit":3,"offset":1,"max_tokens":500}""")]
    [InlineData("search_notes", """{"query":"retrieval","section":"03","level":"intermediate","priority":"must","tags":["retrieval"]}""")]
    [InlineData("search_notes", """{"query":"xylophone zeppelin"}""")]
    [InlineData("search_notes", """{"query":""}""")]
    [InlineData("read_note", """{"uri":"llmprep://notes/03-rag-and-embeddings/hybrid-search"}""")]
    [InlineData("read_note", """{"uri":"hybrid-search","offset":100,"max_tokens":200}""")]
    [InlineData("read_note", """{"uri":"no-such-note"}""")]
    public async Task A_plain_call_is_answered_with_the_sdk_bindings_result(string tool, string arguments)
    {
        var result = _inline.TryCall(Request(tool, arguments));

        Assert.NotNull(result);
        Assert.Equal(Json(await Bound(tool, arguments)), Json(result));
    }

    [Theory]
    [InlineData("""{"name":"search_notes","arguments":{"query":"kv"},"_meta":{"progressToken":"p1"}}""")]
    [InlineData("""{"name":"search_notes","arguments":{"query":"kv"},"_meta":{}}""")]
    [InlineData("""{"name":"search_notes","arguments":{"query":"kv"},"task":{"ttl":1000}}""")]
    [InlineData("""{"name":"search_notes"}""")]
    [InlineData("""{"name":"search_notes","arguments":null}""")]
    [InlineData("""{"name":"search_notes","arguments":{"query":5}}""")]
    [InlineData("""{"name":"search_notes","arguments":{"query":"kv","limit":"3"}}""")]
    [InlineData("""{"name":"search_notes","arguments":{"query":"kv","unknown":1}}""")]
    [InlineData("""{"name":"quiz_next","arguments":{}}""")]
    [InlineData("""{"name":"no_such_tool","arguments":{}}""")]
    [InlineData("""{"name":7,"arguments":{}}""")]
    public void A_call_the_sdk_must_handle_is_left_to_it(string parameters) =>
        Assert.Null(_inline.TryCall(new JsonRpcRequest { Id = new RequestId(7), Method = RequestMethods.ToolsCall, Params = JsonNode.Parse(parameters) }));

    [Fact]
    public void Other_methods_are_left_to_the_sdk() =>
        Assert.Null(_inline.TryCall(new JsonRpcRequest { Id = new RequestId(7), Method = RequestMethods.ResourcesRead, Params = JsonNode.Parse("""{"name":"search_notes","arguments":{"query":"kv"}}""") }));

    [Fact]
    public void A_call_before_the_library_is_open_is_left_to_the_sdk()
    {
        using var closed = new LibraryHost(_mcp.Settings, NullLogger<LibraryHost>.Instance);
        var inline = new InlineToolCalls(_mcp.Services.GetRequiredService<McpServer>(), closed);

        Assert.Null(inline.TryCall(Request("search_notes", """{"query":"kv cache"}""")));
        Assert.False(closed.IsLoaded);
    }

    [Fact]
    public async Task The_transport_answers_a_plain_call_itself_and_passes_every_other_message_on()
    {
        var input = new Pipe();
        var output = new Pipe();
        await using var transport = new StdioTransport(input.Reader.AsStream(), output.Writer.AsStream()) { Inline = _inline };

        await input.Writer.WriteAsync(Encoding.UTF8.GetBytes("""
            {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_notes","arguments":{"query":"kv cache"}}}
            {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_notes","arguments":{"query":"kv cache"},"_meta":{"progressToken":"p"}}}

            """.ReplaceLineEndings("\n")));

        // Nothing reads the transport's messages here: the first call's answer can only come from the transport itself.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await ReadLineAsync(output.Reader, timeout.Token);
        using var answer = JsonDocument.Parse(line);
        Assert.Equal(1, answer.RootElement.GetProperty("id").GetInt32());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Json(await Bound("search_notes", """{"query":"kv cache"}"""))), JsonNode.Parse(answer.RootElement.GetProperty("result").GetRawText())));

        var passed = await transport.MessageReader.ReadAsync(timeout.Token);
        Assert.Equal(new RequestId(2), Assert.IsType<JsonRpcRequest>(passed).Id);
        Assert.False(transport.MessageReader.TryRead(out _));
        await input.Writer.CompleteAsync();
    }

    [Fact]
    public async Task The_built_server_answers_a_plain_search_as_it_answers_one_the_sdk_handles()
    {
        var data = Fixtures.NewDataDirectory();
        await using var server = await Support.StdioServer.StartAsync(data);

        // The first call waits for the library to open, so the SDK handles it; the ones after are plain or carry _meta.
        var first = await server.RequestAsync(1, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_notes","arguments":{"query":"hnsw"}}}""");
        var plain = await server.RequestAsync(2, """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_notes","arguments":{"query":"hnsw"}}}""");
        var withMeta = await server.RequestAsync(3, """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"search_notes","arguments":{"query":"hnsw"},"_meta":{"progressToken":"p"}}}""");
        var read = await server.RequestAsync(4, """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"read_note","arguments":{"uri":"vector-databases","max_tokens":200}}}""");
        var readWithMeta = await server.RequestAsync(5, """{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"read_note","arguments":{"uri":"vector-databases","max_tokens":200},"_meta":{}}}""");

        Assert.Equal(first.GetProperty("result").GetRawText(), plain.GetProperty("result").GetRawText());
        Assert.Equal(server.Lines.Single(l => l.Contains("\"id\":1,", StringComparison.Ordinal)).Replace("\"id\":1,", "\"id\":2,", StringComparison.Ordinal), server.Lines.Single(l => l.Contains("\"id\":2,", StringComparison.Ordinal)));
        Assert.Equal(withMeta.GetProperty("result").GetRawText(), plain.GetProperty("result").GetRawText());
        Assert.Equal(readWithMeta.GetProperty("result").GetRawText(), read.GetProperty("result").GetRawText());
        Assert.Contains("vector-databases", plain.GetProperty("result").GetRawText());
    }

    private static JsonRpcRequest Request(string tool, string arguments) => new()
    {
        Id = new RequestId(7),
        Method = RequestMethods.ToolsCall,
        Params = new JsonObject { ["name"] = tool, ["arguments"] = JsonNode.Parse(arguments) },
    };

    private async Task<CallToolResult> Bound(string tool, string arguments)
    {
        var parameters = new CallToolRequestParams { Name = tool, Arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(arguments) };
        var context = new RequestContext<CallToolRequestParams>(_mcp.Services.GetRequiredService<McpServer>(), new JsonRpcRequest { Method = RequestMethods.ToolsCall, Id = new RequestId(7) }, parameters);
        var created = tool == "search_notes"
            ? PrecomputedSurface.CreateTool<SearchTools>(nameof(SearchTools.SearchNotes), _mcp.Services, LlmPrepJsonContext.McpOptions)
            : PrecomputedSurface.CreateTool<ReadTools>(nameof(ReadTools.ReadNote), _mcp.Services, LlmPrepJsonContext.McpOptions);
        return await created.InvokeAsync(context, CancellationToken.None);
    }

    private static string Json(CallToolResult result) =>
        JsonSerializer.SerializeToNode(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult)))!.ToJsonString();

    private static async Task<string> ReadLineAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.PositionOf((byte)'\n') is { } end)
            {
                var line = Encoding.UTF8.GetString(buffer.Slice(0, end));
                reader.AdvanceTo(buffer.GetPosition(1, end));
                return line;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
