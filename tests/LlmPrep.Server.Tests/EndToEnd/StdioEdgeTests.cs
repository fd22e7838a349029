using System.Diagnostics;
using System.Text.Json;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>stdio as people meet it: requests piped in and then closed, and a person starting the server in a terminal.</summary>
public sealed class StdioEdgeTests : IDisposable
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";
    private readonly string _data = Fixtures.NewDataDirectory();

    [Fact]
    public async Task Every_request_piped_in_before_eof_is_answered()
    {
        var stdin = string.Join('\n', [
            Initialize,
            """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":"three","method":"tools/call","params":{"name":"search_notes","arguments":{"query":"HNSW"}}}""",
        ]) + "\n";

        var result = await CliProcess.RunAsync(stdin, _data, ["--no-bundled", "--corpus", Fixtures.Corpus]);

        Assert.Equal(0, result.Code);
        var ids = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(m => m.TryGetProperty("id", out _))
            .Select(m => m.GetProperty("id").ToString())
            .ToList();
        Assert.Equal(["1", "2", "three"], ids.Order(StringComparer.Ordinal));
        Assert.Contains("vector-databases", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_may_end_in_crlf_and_the_last_may_have_no_line_end()
    {
        var stdin = string.Join("\r\n", [
            Initialize,
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"ping"}""",
            "",
            """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"search_notes","arguments":{"query":"HNSW"}}}""",
        ]);

        var result = await CliProcess.RunAsync(stdin, _data, ["--no-bundled", "--corpus", Fixtures.Corpus]);

        Assert.Equal(0, result.Code);
        var answers = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["1", "2", "3"], answers.Select(m => m.GetProperty("id").ToString()).Order(StringComparer.Ordinal));
        Assert.All(answers, m => Assert.True(m.TryGetProperty("result", out _), m.ToString()));
    }

    [Fact]
    public async Task Answers_write_quotes_and_text_outside_ascii_plainly()
    {
        var stdin = string.Join('\n', [
            Initialize,
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_notes","arguments":{"query":"vector"}}}""",
        ]) + "\n";

        var result = await CliProcess.RunAsync(stdin, _data, ["--no-bundled", "--corpus", Fixtures.Corpus]);

        Assert.Equal(0, result.Code);
        var line = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.Contains("\"id\":2", StringComparison.Ordinal));
        var content = JsonDocument.Parse(line).RootElement.GetProperty("result").GetProperty("content");
        var linkTitles = content.EnumerateArray().Where(b => b.GetProperty("type").GetString() == "resource_link").Select(b => b.GetProperty("title").GetString()!);

        // The text copy of the structured result is JSON inside a JSON string: its quotes are \" ; a section link's
        // title "Note › Section" carries its › as itself.
        Assert.Contains("\\\"query\\\":\\\"vector\\\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0022", line, StringComparison.Ordinal);
        Assert.Contains(linkTitles, title => title.Contains(" › ", StringComparison.Ordinal));
        Assert.Contains(" › ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_at_a_terminal_is_told_what_this_is_and_where_the_cli_is()
    {
        Assert.True(File.Exists("/usr/bin/script"), "util-linux 'script' gives the server a terminal for this test");
        var command = $"dotnet '{Fixtures.ServerDll}' --no-bundled --corpus '{Fixtures.Corpus}' --data-dir '{_data}'";
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-qefc", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var seen = "";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!seen.Contains("llmprep --help", StringComparison.Ordinal) && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            seen += line + "\n";
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
        Assert.Contains("this is an MCP server", seen, StringComparison.Ordinal);
        Assert.Contains("llmprep --help", seen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_prompt_is_one_warning_line_without_a_trace()
    {
        var stdin = string.Join('\n', [
            Initialize,
            """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
            """{"jsonrpc":"2.0","id":2,"method":"prompts/get","params":{"name":"quiz_me","arguments":{"topic":"zzqqx"}}}""",
        ]) + "\n";

        var result = await CliProcess.RunAsync(stdin, _data, ["--no-bundled", "--corpus", Fixtures.Corpus]);

        Assert.Equal(0, result.Code);
        Assert.Contains("no topic matches 'zzqqx", result.Out, StringComparison.Ordinal);
        var logged = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("zzqqx", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("warn: ", Assert.Single(logged), StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", result.Err, StringComparison.Ordinal);
        Assert.False(CliProcess.LooksLikeACrash(result.Err), result.Err);
    }

    [Fact]
    public async Task Piped_stdin_gets_no_terminal_hint()
    {
        var result = await CliProcess.RunAsync(Initialize + "\n", _data, ["--no-bundled", "--corpus", Fixtures.Corpus]);

        Assert.Equal(0, result.Code);
        Assert.DoesNotContain("this is an MCP server", result.Err, StringComparison.Ordinal);
        Assert.Contains("\"serverInfo\"", result.Out, StringComparison.Ordinal);
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
