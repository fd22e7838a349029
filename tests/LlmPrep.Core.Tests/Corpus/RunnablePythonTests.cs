using System.ComponentModel;
using System.Diagnostics;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;
using Xunit.Abstractions;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>
/// The Python in the bundled corpus runs as written: every fenced block whose info string is exactly
/// <c>python</c> must exit 0 under python3 with the standard library only, and every
/// <c>python illustration</c> block (SDK-dependent code and fragments) must at least parse.
/// </summary>
public class RunnablePythonTests(ITestOutputHelper output)
{
    /// <summary>A hang guard only; no test asserts on run time.</summary>
    private static readonly TimeSpan BlockTimeout = TimeSpan.FromSeconds(60);

    private static readonly int Parallelism = Math.Max(2, Environment.ProcessorCount * 2);

    [Fact]
    public async Task Every_python_block_runs_with_the_standard_library()
    {
        var python = await FindPythonAsync();
        if (python is null)
        {
            output.WriteLine("python3 is not on PATH: the corpus's Python blocks were not run.");
            return;
        }

        var directory = Directory.CreateTempSubdirectory("llmprep-python-");
        try
        {
            var blocks = CodeBlocks("python");
            Assert.NotEmpty(blocks);

            // -I ignores PYTHON* variables and the user site; -S skips site-packages, so a block that
            // imports a third-party package fails here even where that package is installed.
            var failures = await RunAllAsync(blocks, (block, index) =>
            {
                var file = Path.Combine(directory.FullName, $"block{index}.py");
                File.WriteAllText(file, block.Code);
                return RunPythonAsync(python, ["-I", "-S", file], stdin: null, directory.FullName);
            });

            output.WriteLine($"{blocks.Count} python blocks run, {failures.Count} failed.");
            Assert.True(failures.Count == 0, "Blocks fenced as ```python must run as written (otherwise fence them "
                + "as ```python illustration):\n\n" + string.Join("\n\n", failures));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Every_python_illustration_block_is_valid_python()
    {
        var python = await FindPythonAsync();
        if (python is null)
        {
            output.WriteLine("python3 is not on PATH: the corpus's Python illustrations were not parsed.");
            return;
        }

        var blocks = CodeBlocks("python illustration");
        string[] parse = ["-I", "-S", "-c", "import ast, sys; ast.parse(sys.stdin.read())"];
        var failures = await RunAllAsync(blocks, (block, _) => RunPythonAsync(python, parse, block.Code, Path.GetTempPath()));

        output.WriteLine($"{blocks.Count} python illustration blocks parsed, {failures.Count} failed.");
        Assert.True(failures.Count == 0, "Blocks fenced as ```python illustration must be valid Python:\n\n"
            + string.Join("\n\n", failures));
    }

    private sealed record CodeBlock(string Note, int Line, string Code);

    private sealed record PythonRun(int ExitCode, string Output, string Error);

    /// <summary>Every fenced block of every bundled note whose info string is exactly <paramref name="info"/>.</summary>
    private static List<CodeBlock> CodeBlocks(string info)
    {
        var corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);
        var blocks = new List<CodeBlock>();
        foreach (var note in corpus.Notes.OrderBy(n => n.Path, StringComparer.Ordinal))
        {
            var relative = note.Path.Replace('/', Path.DirectorySeparatorChar) + ".md";
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.Corpus, relative));
            for (var i = 0; i < lines.Length; i++)
            {
                var opening = lines[i].TrimStart();
                var fence = FenceRun(opening);
                if (fence.Length == 0)
                {
                    continue;
                }

                var end = i + 1;
                while (end < lines.Length && !IsClosingFence(lines[end], fence))
                {
                    end++;
                }

                if (opening[fence.Length..].Trim() == info)
                {
                    var code = string.Join('\n', lines[(i + 1)..end]) + "\n";
                    blocks.Add(new CodeBlock($"corpus/{note.Path}.md", i + 1, code));
                }

                i = end;
            }
        }

        return blocks;
    }

    /// <summary>The run of three or more backticks or tildes that opens a fence, or "".</summary>
    private static string FenceRun(string line)
    {
        if (line.Length < 3 || (line[0] != '`' && line[0] != '~'))
        {
            return "";
        }

        var length = 0;
        while (length < line.Length && line[length] == line[0])
        {
            length++;
        }

        return length >= 3 ? line[..length] : "";
    }

    private static bool IsClosingFence(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }

    private static async Task<List<string>> RunAllAsync(List<CodeBlock> blocks, Func<CodeBlock, int, Task<PythonRun>> run)
    {
        using var gate = new SemaphoreSlim(Parallelism);
        var runs = blocks.Select(async (block, index) =>
        {
            await gate.WaitAsync();
            try
            {
                return (Block: block, Run: await run(block, index));
            }
            finally
            {
                gate.Release();
            }
        });

        return [.. (await Task.WhenAll(runs))
            .Where(r => r.Run.ExitCode != 0)
            .Select(r => $"{r.Block.Note}:{r.Block.Line} exited {r.Run.ExitCode}\n{r.Run.Error.TrimEnd()}")];
    }

    /// <summary>
    /// The interpreter python3 on PATH resolves to, or null when there is none. Later runs start it directly,
    /// which skips launcher shims (pyenv, for one) that can cost a second per process.
    /// </summary>
    private static async Task<string?> FindPythonAsync()
    {
        try
        {
            var run = await RunPythonAsync("python3", ["-c", "import sys; print(sys.executable)"], stdin: null, Path.GetTempPath());
            if (run.ExitCode != 0)
            {
                return null;
            }

            var executable = run.Output.Trim();
            return File.Exists(executable) ? executable : "python3";
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private static async Task<PythonRun> RunPythonAsync(string python, string[] args, string? stdin, string workingDirectory)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(BlockTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new PythonRun(-1, await stdout, $"killed after {BlockTimeout.TotalSeconds} s (hang guard)\n{await stderr}");
        }

        return new PythonRun(process.ExitCode, await stdout, await stderr);
    }
}
