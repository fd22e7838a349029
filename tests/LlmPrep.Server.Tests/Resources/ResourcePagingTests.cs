using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Resources;

public sealed class ResourcePagingTests : IAsyncLifetime
{
    private readonly string _vault = Directory.CreateTempSubdirectory("llmprep-vault-").FullName;
    private McpHarness _mcp = null!;

    public async Task InitializeAsync()
    {
        // A personal vault of plain Obsidian notes, more than one page of them.
        for (var i = 0; i < 120; i++)
        {
            File.WriteAllText(Path.Combine(_vault, $"note {i:000}.md"), $"# Vault note {i}\n\nSome text #tag{i % 3}.\n\nWhat is {i}::the number {i}\n");
        }

        _mcp = await McpHarness.StartAsync(corpus: _vault);
    }

    public async Task DisposeAsync()
    {
        await _mcp.DisposeAsync();
        Directory.Delete(_vault, recursive: true);
    }

    [Fact]
    public async Task Resources_come_in_pages_with_a_cursor()
    {
        var first = await _mcp.Client.ListResourcesAsync(new ListResourcesRequestParams());
        Assert.Equal(50 + 5, first.Resources.Count); // 50 notes, the outline, study plan, glossary, progress report and problem list
        Assert.Equal("50", first.NextCursor);

        var second = await _mcp.Client.ListResourcesAsync(new ListResourcesRequestParams { Cursor = first.NextCursor });
        Assert.Equal(50, second.Resources.Count);
        var third = await _mcp.Client.ListResourcesAsync(new ListResourcesRequestParams { Cursor = second.NextCursor });
        Assert.Equal(20, third.Resources.Count);
        Assert.Null(third.NextCursor);

        var all = first.Resources.Concat(second.Resources).Concat(third.Resources).Select(r => r.Uri).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Contains("llmprep://notes/note%20000", all);
    }

    [Fact]
    public async Task Vault_notes_are_searchable()
    {
        var result = await _mcp.CallOkAsync("search_notes", new() { ["query"] = "\"vault note 7\"" });

        Assert.Equal("llmprep://notes/note%20007", result.GetProperty("hits")[0].GetProperty("note_uri").GetString());
    }
}
