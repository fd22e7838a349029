using System.Text.Json;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Apps;

/// <summary>The tools only the apps call: a note as HTML for the reader, the study calendar for the dashboard.</summary>
public sealed class AppToolTests : IAsyncLifetime
{
    private readonly ManualTime _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private static readonly string[] AppMimeTypes = ["text/html;profile=mcp-app"];
    private McpHarness _mcp = null!;

    public async Task InitializeAsync() => _mcp = await McpHarness.StartAsync(time: _time, clientOptions: new McpClientOptions
    {
        Capabilities = new ClientCapabilities
        {
            Extensions = new Dictionary<string, object> { ["io.modelcontextprotocol/ui"] = JsonSerializer.SerializeToElement(new { mimeTypes = AppMimeTypes }) },
        },
    });

    public async Task DisposeAsync() => await _mcp.DisposeAsync();

    [Fact]
    public async Task Note_view_renders_html_with_anchored_headings_and_no_quiz_answers()
    {
        var view = await _mcp.CallOkAsync("note_view", new() { ["uri"] = "llmprep://notes/03-rag-and-embeddings/hybrid-search" });
        var html = view.GetProperty("html").GetString()!;
        var toc = view.GetProperty("toc").EnumerateArray().ToList();

        Assert.Equal("hybrid-search", view.GetProperty("note_id").GetString());
        Assert.NotEmpty(toc);
        Assert.All(toc, h => Assert.Contains($"id=\"{h.GetProperty("anchor").GetString()}\"", html, StringComparison.Ordinal));
        Assert.DoesNotContain(toc, h => h.GetProperty("heading").GetString() == "Quiz");
        Assert.DoesNotContain("Each finds what the other misses", html, StringComparison.Ordinal);
        Assert.True(view.GetProperty("card_count").GetInt32() > 0);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_view_reads_one_section_and_refuses_paths_outside_the_corpus()
    {
        var toc = (await _mcp.CallOkAsync("note_view", new() { ["uri"] = "hybrid-search" })).GetProperty("toc");
        var anchor = toc[0].GetProperty("anchor").GetString();

        var section = await _mcp.CallOkAsync("note_view", new() { ["uri"] = $"hybrid-search#{anchor}" });

        Assert.EndsWith($"#{anchor}", section.GetProperty("uri").GetString(), StringComparison.Ordinal);
        Assert.Equal(toc[0].GetProperty("heading").GetString(), section.GetProperty("heading").GetString());
        Assert.Contains($"id=\"{anchor}\"", section.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("etc/passwd", await _mcp.CallErrorAsync("note_view", new() { ["uri"] = "../../etc/passwd" }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_activity_matches_the_report_after_a_review()
    {
        await _mcp.CallOkAsync("quiz_answer", new()
        {
            ["card_id"] = "hybrid-search/why-combine-bm25-with-dense-retrieval",
            ["answer"] = "BM25 finds exact terms like codes, dense retrieval finds paraphrases and meaning, and fusion of both raises recall.",
        });

        var report = await _mcp.CallOkAsync("progress_report", []);
        var activity = await _mcp.CallOkAsync("progress_activity", []);

        Assert.Equal("2026-11-25", activity.GetProperty("today").GetString());
        Assert.Equal(14, activity.GetProperty("forecast").GetArrayLength());
        Assert.Equal(1, activity.GetProperty("history").EnumerateArray().Last().GetProperty("count").GetInt32());
        Assert.Equal(1, activity.GetProperty("forecast").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()));
        foreach (var section in activity.GetProperty("sections").EnumerateArray())
        {
            var readiness = report.GetProperty("sections").EnumerateArray()
                .Single(s => s.GetProperty("section").GetString() == section.GetProperty("section").GetString())
                .GetProperty("readiness").GetInt32();
            Assert.Equal(readiness, section.GetProperty("priorities").EnumerateArray().Sum(p => p.GetProperty("share").GetDouble()), 0.6);
        }
    }

    [Fact]
    public async Task Note_view_escapes_raw_html_from_a_note()
    {
        var corpus = Directory.CreateTempSubdirectory("llmprep-apps-corpus-").FullName;
        try
        {
            var source = File.ReadAllText(Path.Combine(Fixtures.Corpus, "03-rag-and-embeddings", "hybrid-search.md"));
            Directory.CreateDirectory(Path.Combine(corpus, "03-rag-and-embeddings"));
            File.WriteAllText(
                Path.Combine(corpus, "03-rag-and-embeddings", "hybrid-search.md"),
                source.Replace("## BM25\n", "## BM25\n\n<script>alert(1)</script> <img src=x onerror=alert(2)>\n", StringComparison.Ordinal));
            await using var mcp = await McpHarness.StartAsync(corpus: corpus, clientOptions: new McpClientOptions
            {
                Capabilities = new ClientCapabilities
                {
                    Extensions = new Dictionary<string, object> { ["io.modelcontextprotocol/ui"] = JsonSerializer.SerializeToElement(new { mimeTypes = AppMimeTypes }) },
                },
            });

            var html = (await mcp.CallOkAsync("note_view", new() { ["uri"] = "hybrid-search" })).GetProperty("html").GetString()!;

            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(corpus, recursive: true);
        }
    }
}
