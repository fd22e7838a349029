using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.Tools;

public sealed class ToolListTests : IAsyncLifetime
{
    private McpHarness _mcp = null!;

    public async Task InitializeAsync() => _mcp = await McpHarness.StartAsync();

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    [Theory]
    [InlineData("search_notes", "query")]
    [InlineData("read_note", "uri")]
    [InlineData("list_topics", null)]
    public async Task Every_tool_is_described_typed_read_only_and_has_an_output_schema(string name, string? required)
    {
        var tools = await _mcp.Client.ListToolsAsync();
        var tool = Assert.Single(tools, t => t.Name == name).ProtocolTool;

        Assert.True(tool.Description!.Length > 100, "the description should stand on its own");
        Assert.Equal("object", tool.InputSchema.GetProperty("type").GetString());
        Assert.True(tool.OutputSchema.HasValue, "structured output needs an output schema");
        Assert.Equal("object", tool.OutputSchema!.Value.GetProperty("type").GetString());
        Assert.True(tool.Annotations?.ReadOnlyHint);
        Assert.False(tool.Annotations?.OpenWorldHint);
        if (required is not null)
        {
            Assert.Contains(required, tool.InputSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString() ?? ""));
        }
    }

    [Fact]
    public async Task Server_gives_instructions_for_assistants()
    {
        Assert.Contains("search_notes", _mcp.Client.ServerInstructions ?? "", StringComparison.Ordinal);
        Assert.Equal("llmprep", _mcp.Client.ServerInfo?.Name);
        await Task.CompletedTask;
    }
}
