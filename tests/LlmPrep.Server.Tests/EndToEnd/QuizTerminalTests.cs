using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>The terminal quiz, driven through stdin as a person types.</summary>
public sealed class QuizTerminalTests : IDisposable
{
    private readonly string _data = Fixtures.NewDataDirectory();

    private Task<(int Code, string Out, string Err)> QuizAsync(string stdin, int columns = 80) =>
        CliProcess.RunAsync(stdin, _data, ["quiz", "--topic", "retrieval", "--no-bundled", "--corpus", Fixtures.Corpus],
            environment: new Dictionary<string, string> { ["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    [Fact]
    public async Task Lists_missed_key_points_one_per_line_and_wraps_to_the_terminal()
    {
        var quiz = await QuizAsync("BM25 is a ranking function\n\n:q\n", columns: 40);

        Assert.Equal(0, quiz.Code);
        var lines = quiz.Out.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var list = lines.FindIndex(l => l.StartsWith("Key points", StringComparison.Ordinal));
        Assert.True(list > 0, quiz.Out);
        var points = lines.Skip(list + 1).TakeWhile(l => l.StartsWith("  [", StringComparison.Ordinal) || l.StartsWith("       ", StringComparison.Ordinal)).ToList();
        Assert.True(points.Count(l => l.StartsWith("  [ ] ", StringComparison.Ordinal)) >= 2, quiz.Out);
        Assert.All(points, l => Assert.True(l.Length <= 40, $"'{l}' is wider than the 40-column terminal"));
        var question = lines.First(l => l.StartsWith("Q: ", StringComparison.Ordinal));
        Assert.True(question.Length <= 40, question);
        Assert.DoesNotContain("Missing:", quiz.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R_prints_the_source_section_instead_of_a_uri()
    {
        var quiz = await QuizAsync("no idea\nr\n\n:q\n");

        Assert.Equal(0, quiz.Code);
        Assert.Contains("[r] to read the source section", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("## ", quiz.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("llmprep://", quiz.Out, StringComparison.Ordinal);
        Assert.Contains("1 question answered; progress saved.", quiz.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "later today")]
    [InlineData(1, "1 day")]
    [InlineData(4, "4 days")]
    public void Intervals_read_as_english(int days, string expected) =>
        Assert.Equal(expected, LlmPrep.Server.Cli.CliHints.Days(days));

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
