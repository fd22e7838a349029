using System.Diagnostics;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary><c>llmprep lint</c> on a generated Obsidian vault, as a person runs it on their own notes.</summary>
public sealed class VaultLintTests : IDisposable
{
    private readonly string _vault = Directory.CreateTempSubdirectory("llmprep-vault-").FullName;
    private readonly string _data = Fixtures.NewDataDirectory();

    [Fact]
    public async Task Lint_finds_no_errors_in_a_vault_with_ordinary_front_matter()
    {
        string[] frontMatters =
        [
            "title: Note {0}\nstatus: draft\ndate: 2024-03-01",
            "title: \"Note {0}: retrieval\"\ntags: [rag, retrieval]\naliases: [N{0}]",
            "tags:\n  - flashcards\n  - llm\ncreated: 2024-01-01T10:00:00\nauthor:\n  name: Sam",
            "layout: post\ncategories: [notes]\nsection: blog\nlevel: 3\npriority: high\ndescription: >\n  Folded text.",
        ];
        for (var i = 0; i < 120; i++)
        {
            var frontMatter = string.Format(System.Globalization.CultureInfo.InvariantCulture, frontMatters[i % frontMatters.Length], i);
            var folder = Path.Combine(_vault, $"Area {i % 5}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(
                Path.Combine(folder, $"Note {i}.md"),
                $"---\n{frontMatter}\n---\n\n# Note {i}\n\nText about #topic{i % 3}, **bold words** and ==highlights==.\n\nWhat is note {i}::A generated note\n");
        }

        var (code, output, error) = await RunAsync("lint", "--no-bundled", "--corpus", _vault, "--data-dir", _data);

        Assert.True(code == 0, output + error);
        Assert.Contains("120 notes", output, StringComparison.Ordinal);
        Assert.Contains(" 0 errors, 0 warnings", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Fixtures.ServerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        Directory.Delete(_vault, recursive: true);
        Directory.Delete(_data, recursive: true);
    }
}
