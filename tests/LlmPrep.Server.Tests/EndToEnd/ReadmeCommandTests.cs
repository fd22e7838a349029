using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>
/// Every <c>llmprep …</c> line in README.md's code blocks runs against the built binary and succeeds. Optional parts in
/// [brackets] are left out (they show what else the command takes, such as a 40-fold benchmark), placeholders in capitals (DIR) become empty temporary folders, a command that listens on a
/// port gets a free one and must report where it listens; everything else runs with stdin closed.
/// </summary>
public sealed partial class ReadmeCommandTests : IDisposable
{
    private readonly string _data = Fixtures.NewDataDirectory();

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var (line, _) in ReadmeCommandLines())
        {
            data.Add(line);
        }

        return data;
    }

    [Fact]
    public void The_readme_shows_commands_including_a_multi_word_search()
    {
        var lines = ReadmeCommandLines().Select(l => l.Line).ToList();

        Assert.True(lines.Count >= 8, string.Join('\n', lines));
        Assert.Contains("llmprep search kv cache --section 01 --limit 5", lines);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Runs_as_shown(string line)
    {
        var args = Arguments(line);
        if (args.Contains("--http"))
        {
            await ListensAsync(args);
            return;
        }

        // A command shown after others of its kind in the same block (token add, then token revoke) follows them.
        foreach (var before in Setup(line))
        {
            await CliProcess.RunAsync(null, _data, Arguments(before), workingDirectory: _data);
        }

        var result = await CliProcess.RunAsync(null, _data, args, workingDirectory: _data);

        Assert.True(result.Code == 0, $"{line} exited {result.Code}:\n{result.Err}\n{result.Out}");
        Assert.False(CliProcess.LooksLikeACrash(result.Err), result.Err);
        Assert.DoesNotContain("Unhandled exception", result.Out, StringComparison.Ordinal);
    }

    private async Task ListensAsync(List<string> args)
    {
        var urls = args.IndexOf("--urls");
        var port = FreePort();
        if (urls >= 0)
        {
            args[urls + 1] = Regex.Replace(args[urls + 1], @":\d+", $":{port}");
        }
        else
        {
            args.AddRange(["--urls", $"http://127.0.0.1:{port}"]);
        }

        using var process = Process.Start(CliProcess.Start(_data, args))!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var seen = new StringBuilder();
            while (await process.StandardError.ReadLineAsync(timeout.Token) is { } text)
            {
                seen.AppendLine(text);
                if (text.Contains($"127.0.0.1:{port}/mcp", StringComparison.Ordinal))
                {
                    return;
                }
            }

            Assert.Fail($"{string.Join(' ', args)} did not report where it listens:\n{seen}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>The lines shown before <paramref name="line"/> in its code block that run the same command.</summary>
    private static IEnumerable<string> Setup(string line)
    {
        var all = ReadmeCommandLines();
        var at = all.FindIndex(l => l.Line == line);
        var command = line.Split(' ', 3).ElementAtOrDefault(1);
        return all.Take(at).Where(l => l.Block == all[at].Block && l.Line.Split(' ', 3).ElementAtOrDefault(1) == command).Select(l => l.Line);
    }

    /// <summary>The <c>llmprep</c> lines of README.md's fenced code blocks (with the block's number), without their trailing comments.</summary>
    private static List<(string Line, int Block)> ReadmeCommandLines()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LlmPrep.sln")))
        {
            dir = dir.Parent;
        }

        var readme = File.ReadAllLines(Path.Combine(dir!.FullName, "README.md"));
        var lines = new List<(string, int)>();
        var inBlock = false;
        var block = 0;
        foreach (var raw in readme)
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                block++;
                continue;
            }

            var line = Comment().Replace(raw, "").Trim();
            if (inBlock && (line == "llmprep" || line.StartsWith("llmprep ", StringComparison.Ordinal)))
            {
                lines.Add((line, block));
            }
        }

        return lines;
    }

    /// <summary>Splits a shown command into arguments after "llmprep": quotes group words, [optional] parts are left out.</summary>
    private List<string> Arguments(string line)
    {
        var args = new List<string>();
        foreach (Match token in Token().Matches(Optional().Replace(line, " ")))
        {
            var value = token.Groups["quoted"].Success ? token.Groups["quoted"].Value : token.Value;
            args.Add(Placeholder().IsMatch(value) ? Directory.CreateDirectory(Path.Combine(_data, "placeholder-" + Guid.NewGuid().ToString("N"))).FullName : value);
        }

        return args.Skip(1).ToList();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex Comment();

    [GeneratedRegex("\"(?<quoted>[^\"]*)\"|[^\\s]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Optional();

    [GeneratedRegex("^[A-Z]{3,}$")]
    private static partial Regex Placeholder();

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
