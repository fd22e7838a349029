using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.Tools;

public sealed class ReadNoteTests : IAsyncLifetime
{
    private McpHarness _mcp = null!;

    public async Task InitializeAsync() => _mcp = await McpHarness.StartAsync();

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    [Theory]
    [InlineData("llmprep://notes/01-foundations/transformers-attention")]
    [InlineData("01-foundations/transformers-attention.md")]
    [InlineData("transformers-attention")]
    public async Task Reads_a_whole_note_by_uri_path_or_id(string reference)
    {
        var note = await _mcp.CallOkAsync("read_note", new() { ["uri"] = reference });

        Assert.Equal("transformers-attention", note.GetProperty("note_id").GetString());
        Assert.StartsWith("# Transformers and self-attention", note.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("## Quiz", note.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, note.GetProperty("next_offset").ValueKind);
        Assert.Contains(note.GetProperty("outline").EnumerateArray(), h => h.GetProperty("anchor").GetString() == "why-divide-by-the-square-root-of-d-k");
        Assert.Contains("hybrid-search", note.GetProperty("related").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Reads_one_section_by_anchor()
    {
        var section = await _mcp.CallOkAsync("read_note", new() { ["uri"] = "llmprep://notes/01-foundations/transformers-attention#multi-head-attention" });

        var text = section.GetProperty("text").GetString()!;
        Assert.StartsWith("## Multi-head attention", text, StringComparison.Ordinal);
        Assert.DoesNotContain("## Quiz", text, StringComparison.Ordinal);
        Assert.Equal("Multi-head attention", section.GetProperty("heading").GetString());
    }

    [Fact]
    public async Task Pages_a_long_note_by_token_budget_without_losing_text()
    {
        var whole = (await _mcp.CallOkAsync("read_note", new() { ["uri"] = "hybrid-search", ["max_tokens"] = 50_000 })).GetProperty("text").GetString()!;
        var pages = new List<string>();
        int? offset = 0;
        while (offset is not null)
        {
            var page = await _mcp.CallOkAsync("read_note", new() { ["uri"] = "hybrid-search", ["offset"] = offset, ["max_tokens"] = 300 });
            var text = page.GetProperty("text").GetString()!;
            Assert.InRange(text.Length, 1, 1200);
            pages.Add(text);
            var next = page.GetProperty("next_offset");
            offset = next.ValueKind == System.Text.Json.JsonValueKind.Null ? null : next.GetInt32();
        }

        Assert.True(pages.Count > 3);
        Assert.Equal(whole, string.Concat(pages));
    }

    [Theory]
    [InlineData("../../etc/passwd", "'..' segments")]
    [InlineData("llmprep://notes/../../../etc/passwd", "'..' segments")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("llmprep://notes/01-foundations/nothing-here", "no note at")]
    [InlineData("transformers-attention#no-such-section", "no section")]
    [InlineData("", "empty")]
    public async Task Bad_references_get_clear_errors(string reference, string expected)
    {
        var message = await _mcp.CallErrorAsync("read_note", new() { ["uri"] = reference });

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_paging_gets_clear_errors()
    {
        Assert.Contains("outside the text", await _mcp.CallErrorAsync("read_note", new() { ["uri"] = "hybrid-search", ["offset"] = 10_000_000 }), StringComparison.Ordinal);
        Assert.Contains("max_tokens", await _mcp.CallErrorAsync("read_note", new() { ["uri"] = "hybrid-search", ["max_tokens"] = 1 }), StringComparison.Ordinal);
    }
}
