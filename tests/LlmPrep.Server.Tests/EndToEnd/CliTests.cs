using System.Diagnostics;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>The human commands of the built binary, run as a person runs them.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _data = Fixtures.NewDataDirectory();

    private async Task<(int Code, string Out, string Err)> RunAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Fixtures.ServerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private string[] Fixture(params string[] args) => [.. args, "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data];

    [Fact]
    public async Task Quiz_grades_saves_and_progress_reports_it()
    {
        var quiz = await RunAsync("BM25 finds exact terms, dense retrieval finds paraphrases, fusion raises recall\n\n:q\n", Fixture("quiz", "--topic", "retrieval"));

        Assert.Equal(0, quiz.Code);
        Assert.Contains("Q: Why combine BM25 with dense retrieval?", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("Score 100%: good", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("1 question answered; progress saved.", quiz.Out, StringComparison.Ordinal);

        var progress = await RunAsync(null, Fixture("progress"));
        Assert.Equal(0, progress.Code);
        Assert.Contains("1 of 15 cards studied, 1 reviews", progress.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_closed_mid_question_keeps_what_was_answered()
    {
        var quiz = await RunAsync("no idea\na\n", Fixture("quiz", "--count", "5"));

        Assert.Equal(0, quiz.Code);
        var progress = await RunAsync(null, Fixture("progress"));
        Assert.Contains("1 reviews", progress.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_read_index_and_export_work_from_the_terminal()
    {
        var search = await RunAsync(null, Fixture("search", "reciprocal rank fusion", "--limit", "2"));
        Assert.Equal(0, search.Code);
        Assert.Contains("llmprep://notes/03-rag-and-embeddings/hybrid-search", search.Out, StringComparison.Ordinal);

        var read = await RunAsync(null, Fixture("read", "vector-databases#hnsw"));
        Assert.Equal(0, read.Code);
        Assert.StartsWith("## HNSW", read.Out, StringComparison.Ordinal);

        var badRead = await RunAsync(null, Fixture("read", "../../etc/passwd"));
        Assert.Equal(2, badRead.Code);
        Assert.Contains("'..' segments", badRead.Err, StringComparison.Ordinal);

        var index = await RunAsync(null, Fixture("index"));
        Assert.Equal(0, index.Code);
        Assert.Contains("notes        3 (2 sections, 15 quiz cards)", index.Out, StringComparison.Ordinal);

        var file = Path.Combine(_data, "cards.txt");
        var export = await RunAsync(null, Fixture("export", "anki", file));
        Assert.Equal(0, export.Code);
        Assert.Equal(3 + 15, File.ReadAllLines(file).Length);
    }

    [Fact]
    public async Task Index_run_again_on_an_unchanged_corpus_loads_no_note()
    {
        var first = await RunAsync(null, Fixture("index"));
        var second = await RunAsync(null, Fixture("index"));

        Assert.Equal((0, 0), (first.Code, second.Code));
        Assert.Contains("files        3 added, 0 changed, 0 touched, 0 removed, 0 unchanged", first.Out, StringComparison.Ordinal);
        Assert.Contains("load         ", first.Out, StringComparison.Ordinal);
        Assert.Contains("3 files read and parsed, 0 from the parse cache", first.Out, StringComparison.Ordinal);
        Assert.Contains("files        0 added, 0 changed, 0 touched, 0 removed, 3 unchanged", second.Out, StringComparison.Ordinal);
        Assert.Contains("load         none (no file changed since the last sync)", second.Out, StringComparison.Ordinal);
        Assert.Contains("notes        3 (2 sections, 15 quiz cards)", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_reports_every_figure_without_touching_the_corpus()
    {
        var before = Directory.EnumerateFiles(Fixtures.Corpus, "*.md", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

        var bench = await RunAsync(null, Fixture("bench", "--iterations", "1"));

        Assert.Equal(0, bench.Code);
        foreach (var line in new[] { "corpus       3 notes, 15 cards", "parse", "index cold", "index warm", "index change", "search (20 queries", "grade (15 answers)", "start (spawn to initialize answered)" })
        {
            Assert.Contains(line, bench.Out, StringComparison.Ordinal);
        }

        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllText(f.Key)));
    }

    [Fact]
    public async Task Bench_in_place_measures_the_corpus_and_index_where_they_are()
    {
        var before = Directory.EnumerateFiles(Fixtures.Corpus, "*.md", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

        var bench = await RunAsync(null, Fixture("bench", "--in-place", "--iterations", "1"));

        Assert.True(bench.Code == 0, bench.Out + bench.Err);
        foreach (var line in new[] { "corpus       3 notes, 15 cards", "(in place)", "open         ", "3 files parsed", "search (20 queries", "grade (15 answers)", "memory       " })
        {
            Assert.Contains(line, bench.Out, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(_data, "index.db")));
        Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllText(f.Key)));
    }

    [Fact]
    public async Task Bench_grading_prints_agreement_per_kind_and_checks_the_targets()
    {
        var bench = await RunAsync(null, "bench", "grading", "--check", "--data-dir", _data);

        Assert.True(bench.Code == 0, bench.Out + bench.Err);
        Assert.Contains("grading set 'main': 30 cards, 120 answers; judge key_points", bench.Out, StringComparison.Ordinal);
        Assert.Contains("grading set 'held-out'", bench.Out, StringComparison.Ordinal);
        foreach (var kind in new[] { "correct", "half", "wrong", "filler" })
        {
            Assert.Contains($"  {kind,-8}", bench.Out, StringComparison.Ordinal);
        }

        // Both sets, the tuned one and the held-out one: no confident wrong answer passes with high confidence.
        Assert.Equal(2, bench.Out.Split("with high confidence: 0 (target 0)").Length - 1);

        var missing = await RunAsync(null, "bench", "grading", "--set", Path.Combine(_data, "nope.json"), "--data-dir", _data);
        Assert.Equal(2, missing.Code);
        Assert.Contains("nope.json", missing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_passes_the_bundled_corpus_and_fails_a_broken_one()
    {
        var bundled = await RunAsync(null, "lint");
        Assert.True(bundled.Code == 0, bundled.Out);
        Assert.Contains(" 0 errors", bundled.Out, StringComparison.Ordinal);

        var broken = Path.Combine(_data, "vault");
        Directory.CreateDirectory(Path.Combine(broken, "01-foundations"));
        File.WriteAllText(Path.Combine(broken, "01-foundations", "bad.md"), "---\nid: bad\ntitle: Bad\nlevel: guru\n---\n\n# Bad\n\nSee [[nowhere]].\n");
        var lint = await RunAsync(null, "lint", "--no-bundled", "--corpus", broken);

        Assert.Equal(1, lint.Code);
        Assert.Contains("01-foundations/bad.md:4: error: level 'guru'", lint.Out, StringComparison.Ordinal);
        Assert.Contains("link [[nowhere]] names no note", lint.Out, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
