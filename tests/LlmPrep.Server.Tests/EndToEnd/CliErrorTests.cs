using System.Net;
using System.Net.Sockets;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>Errors in the terminal are one readable line: never a stack trace, a type name or a resource key.</summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly string _data = Fixtures.NewDataDirectory();

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(null, _data, [.. args, "--no-bundled", "--corpus", Fixtures.Corpus]);

    [Fact]
    public async Task Exporting_to_a_missing_folder_says_so_in_one_line()
    {
        var result = await RunAsync("export", "anki", "/nonexistent/x.txt");

        Assert.NotEqual(0, result.Code);
        Assert.False(CliProcess.LooksLikeACrash(result.Err), result.Err);
        Assert.Contains("/nonexistent/x.txt", result.Err, StringComparison.Ordinal);
        Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("quiz --count abc", "--count takes a whole number from 1 to 1000; got 'abc'")]
    [InlineData("search rag --limit lots", "--limit takes a whole number from 1 to 50; got 'lots'")]
    public async Task A_bad_number_is_named_in_plain_words(string command, string expected)
    {
        var result = await RunAsync(command.Split(' '));

        Assert.NotEqual(0, result.Code);
        Assert.Contains(expected, result.Err, StringComparison.Ordinal);
        Assert.False(CliProcess.LooksLikeACrash(result.Err), result.Err);
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_without_a_trace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await RunAsync("serve", "--http", "--urls", $"http://127.0.0.1:{port}");

        Assert.NotEqual(0, result.Code);
        Assert.Contains($"127.0.0.1:{port}", result.Err, StringComparison.Ordinal);
        Assert.Contains("address already in use", result.Err, StringComparison.OrdinalIgnoreCase);
        Assert.False(CliProcess.LooksLikeACrash(result.Err), result.Err);
    }

    [Fact]
    public async Task An_unknown_note_points_to_the_search_command_not_an_mcp_tool()
    {
        var result = await RunAsync("read", "no-such-note");

        Assert.Equal(2, result.Code);
        Assert.Contains("llmprep search", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("list_topics", result.Err, StringComparison.Ordinal);
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
