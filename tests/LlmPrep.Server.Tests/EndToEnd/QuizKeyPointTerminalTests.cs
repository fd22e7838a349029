using System.Diagnostics;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>The terminal quiz run as a process: the person marks the key points they covered before the rating is saved.</summary>
public sealed class QuizKeyPointTerminalTests : IDisposable
{
    private const string HalfAnswer = "BM25 finds exact terms, dense retrieval finds paraphrases";
    private readonly string _data = Fixtures.NewDataDirectory();

    private async Task<(int Code, string Out, string Err)> QuizAsync(string stdin, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Fixtures.ServerDll, "quiz", "--topic", "retrieval", "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Enter_accepts_the_suggested_key_points()
    {
        var quiz = await QuizAsync($"{HalfAnswer}\n\n:q\n");

        Assert.Equal(0, quiz.Code);
        Assert.Contains("[x] 1. BM25 finds exact terms.", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("[x] 2. Dense retrieval finds paraphrases.", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("[ ] 3. Fusion raises recall.", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("Enter accepts 1 2;", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("Saved as hard.", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("1 question answered; progress saved.", quiz.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_person_marks_what_they_covered_and_that_rating_is_saved()
    {
        var quiz = await QuizAsync($"{HalfAnswer}\n2 9\n1 2 3\n:q\n");

        Assert.Contains("Type key point numbers from 1 to 3", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("Saved as easy.", quiz.Out, StringComparison.Ordinal);

        var again = await QuizAsync("no idea\n0\n:q\n");
        Assert.Contains("Saved as again.", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rating_letter_sets_the_rating()
    {
        var quiz = await QuizAsync($"{HalfAnswer}\ng\n:q\n");

        Assert.Contains("Saved as good.", quiz.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_grader_model_judges_in_the_terminal_too()
    {
        await using var model = await ChatCompletionsServer.StartAsync(_ => ChatCompletionsServer.Content(Verdicts.Json(["covered", "covered", "contradicted"])));

        var quiz = await QuizAsync($"{HalfAnswer}, and fusion lowers recall\n\n:q\n", new()
        {
            ["LLMPREP_LlmPrep__Grader__Endpoint"] = model.Endpoint,
            ["LLMPREP_LlmPrep__Grader__Model"] = "judge-model",
        });

        Assert.Single(model.Requests);
        Assert.Contains("(Judged by the configured grader model.)", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("[ ] 3. Fusion raises recall. (contradicted)", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("Saved as again.", quiz.Out, StringComparison.Ordinal);
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
