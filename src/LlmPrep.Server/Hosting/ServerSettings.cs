using LlmPrep.Core;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Grading;
using Microsoft.Extensions.Configuration;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Where the corpus and data live, from (lowest to highest precedence) <c>appsettings.json</c> beside
/// the binary, <c>LLMPREP_*</c> environment variables, and command-line options.
/// </summary>
public sealed class ServerSettings
{
    public const string BundledRootName = "bundled";

    public required LibraryOptions Library { get; init; }

    public double DesiredRetention { get; init; } = 0.9;

    public int MaximumIntervalDays { get; init; } = 365;

    /// <summary>A model to judge quiz answers (<c>LlmPrep:Grader</c>); unconfigured by default.</summary>
    public GraderSettings Grader { get; init; } = new();

    /// <summary>Host names, besides loopback, that <c>serve --http</c> answers to (Host and Origin headers).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public static string BundledCorpusDirectory => Path.Combine(AppContext.BaseDirectory, "corpus");

    /// <param name="corpusDirs">Extra corpus roots from <c>--corpus</c>.</param>
    /// <param name="dataDir">From <c>--data-dir</c>.</param>
    /// <param name="noBundled">From <c>--no-bundled</c>: leave the bundled corpus out.</param>
    public static ServerSettings Resolve(IReadOnlyList<string>? corpusDirs, string? dataDir, bool noBundled)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("LLMPREP_")
            .Build();
        var section = config.GetSection("LlmPrep");

        var roots = new List<CorpusRoot>();
        var includeBundled = !noBundled && !string.Equals(section["IncludeBundledCorpus"], "false", StringComparison.OrdinalIgnoreCase);
        if (includeBundled)
        {
            roots.Add(new CorpusRoot(BundledRootName, BundledCorpusDirectory));
        }

        var extra = corpusDirs is { Count: > 0 }
            ? corpusDirs
            : Environment.GetEnvironmentVariable("LLMPREP_CORPUS") is { Length: > 0 } env
                ? env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : section.GetSection("CorpusRoots").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToArray();
        foreach (var dir in extra)
        {
            var full = Path.GetFullPath(ExpandHome(dir));
            roots.Add(new CorpusRoot(UniqueName(roots, Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar))), full));
        }

        var data = dataDir
            ?? Environment.GetEnvironmentVariable("LLMPREP_DATA_DIR")
            ?? (section["DataDir"] is { Length: > 0 } configured ? configured : LibraryOptions.DefaultDataDirectory);

        return new ServerSettings
        {
            Library = new LibraryOptions(roots, Path.GetFullPath(ExpandHome(data))),
            DesiredRetention = double.TryParse(section["Quiz:DesiredRetention"], System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : 0.9,
            MaximumIntervalDays = int.TryParse(section["Quiz:MaximumIntervalDays"], out var days) ? days : 365,
            Grader = GraderSettings.From(section.GetSection("Grader")),
            AllowedHosts = section.GetSection("Http:AllowedHosts").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToArray(),
        };
    }

    private static string ExpandHome(string path) =>
        path.StartsWith('~') ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..] : path;

    private static string UniqueName(List<CorpusRoot> roots, string name)
    {
        name = name.Length == 0 ? "vault" : name;
        var candidate = name;
        for (var i = 2; roots.Any(r => r.Name == candidate); i++)
        {
            candidate = $"{name}-{i}";
        }

        return candidate;
    }
}
