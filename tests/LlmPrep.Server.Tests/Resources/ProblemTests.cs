using LlmPrep.Server.Tests.Support;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Resources;

/// <summary>What is wrong in the notes, where a model looks: list_topics, the llmprep://problems resource, and the reload log.</summary>
public sealed class ProblemTests : IAsyncLifetime, IDisposable
{
    private const string Broken = """
        ---
        id: broken-note
        title: Broken note
        ---

        # Broken note

        Text linking to [[no-such-note]].
        """;

    private readonly string _corpus = Directory.CreateTempSubdirectory("llmprep-problems-").FullName;
    private readonly LogCapture _logs = new();
    private McpHarness _mcp = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Fixtures.Corpus, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_corpus, Path.GetRelativePath(Fixtures.Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(_corpus, "03-rag-and-embeddings", "broken-note.md"), Broken);
        _mcp = await McpHarness.StartAsync(corpus: _corpus, logs: _logs);
    }

    public async Task DisposeAsync()
    {
        await _mcp.DisposeAsync();
        Directory.Delete(_corpus, recursive: true);
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task List_topics_counts_the_problems_and_names_the_first_few()
    {
        var problems = (await _mcp.CallOkAsync("list_topics", [])).GetProperty("problems");

        Assert.True(problems.GetProperty("errors").GetInt32() >= 3);
        Assert.True(problems.GetProperty("files").GetInt32() >= 1);
        Assert.Equal("llmprep://problems", problems.GetProperty("resource").GetString());
        var first = problems.GetProperty("first").EnumerateArray().ToList();
        Assert.Equal(5, first.Count);
        Assert.Contains(first, p => p.GetProperty("where").GetString() == "03-rag-and-embeddings/broken-note.md:1"
            && p.GetProperty("message").GetString() == "front matter field 'level' is required");
        Assert.All(first, p => Assert.Equal("error", p.GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task Problems_resource_is_listed_and_lists_every_problem_by_file()
    {
        Assert.Contains(await _mcp.Client.ListResourcesAsync(), r => r.Uri == "llmprep://problems");

        var result = await _mcp.Client.ReadResourceAsync("llmprep://problems");
        var text = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));

        Assert.Equal("text/markdown", text.MimeType);
        Assert.Contains("## 03-rag-and-embeddings/broken-note.md", text.Text, StringComparison.Ordinal);
        Assert.Contains("- line 8: error: link [[no-such-note]] names no note", text.Text, StringComparison.Ordinal);
        Assert.Contains("- line 1: error: front matter field 'level' is required", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_corpus_says_so()
    {
        var folder = Directory.CreateTempSubdirectory("llmprep-clean-").FullName;
        File.WriteAllText(Path.Combine(folder, "Clean.md"), "# Clean\n\nWhat is RAG::Retrieval-augmented generation\n");
        await using var clean = await McpHarness.StartAsync(corpus: folder);

        var problems = (await clean.CallOkAsync("list_topics", [])).GetProperty("problems");
        var text = ((TextResourceContents)(await clean.Client.ReadResourceAsync("llmprep://problems")).Contents[0]).Text;

        Assert.Equal(0, problems.GetProperty("errors").GetInt32());
        Assert.Empty(problems.GetProperty("first").EnumerateArray());
        Assert.Contains("No problems", text, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_live_reload_logs_the_problems_of_the_changed_file()
    {
        await _mcp.CallOkAsync("list_topics", []);
        await Task.Delay(300);
        var before = _logs.Lines.Count;

        File.WriteAllText(
            Path.Combine(_corpus, "01-foundations", "new-note.md"),
            Broken.Replace("broken-note", "new-note", StringComparison.Ordinal).Replace("no-such-note", "another-missing-note", StringComparison.Ordinal));

        var logged = await WaitForLogAsync("01-foundations/new-note.md: ", before);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("line 8: error: link [[another-missing-note]] names no note", logged.Text, StringComparison.Ordinal);
        Assert.Contains("line 1: error: front matter field 'level' is required", logged.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Lines.Skip(before), l => l.Text.StartsWith("03-rag-and-embeddings/broken-note.md", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines.Skip(before), l => l.Text.StartsWith("Corpus changed: +1 ~0 -0 files", StringComparison.Ordinal));
    }

    private async Task<(LogLevel Level, string Text)> WaitForLogAsync(string prefix, int skip)
    {
        for (var i = 0; i < 200; i++)
        {
            foreach (var line in _logs.Lines.Skip(skip))
            {
                if (line.Text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no log line starting with '{prefix}'; logged: {string.Join(" | ", _logs.Lines.Select(l => l.Text))}");
        return default;
    }
}
