using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LlmPrep.Core;
using LlmPrep.Core.Bench;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Search;
using LlmPrep.Server.Hosting;

namespace LlmPrep.Server.Cli;

/// <summary>
/// <c>llmprep bench</c>: the speed figures, rerunnable. Loads and indexes the corpus (optionally copied
/// <c>--scale</c> times to reach thousands of notes) in a scratch folder, then times parsing, a cold index
/// build, a no-change sync, a one-file sync, searches, grading, and the server's start to its first
/// <c>initialize</c> answer. Nothing in the data folder is touched.
/// </summary>
internal static class BenchCommand
{
    private static IReadOnlyList<string> Queries => BenchQueries.All;

    public static Command Create(GlobalOptions global)
    {
        var scale = WholeNumberOption.Create("--scale", "Copy the corpus this many times (e.g. 40 for ~2,900 notes).", 1, 1, 1000);
        var iterations = WholeNumberOption.Create("--iterations", "Passes over the query set.", 50, 1, 100_000);
        var generate = WholeNumberOption.Create("--generate", "Instead of measuring, write a synthetic vault of this many notes (see --seed, --out).", 0, 1, 1_000_000);
        var seed = WholeNumberOption.Create("--seed", "The seed of --generate: the same count and seed give the same files.", 1, 0, int.MaxValue);
        var output = new Option<string>("--out") { Description = "Where --generate writes the vault (a new or empty folder; default ./vault-N-seed-S)." };
        var inPlace = new Option<bool>("--in-place")
        {
            Description = "Measure the corpus and its index where they are (no copy, no edit): opening, searches, grading and memory; for a large vault.",
        };
        var command = new Command("bench", "Measure parsing, indexing, search and grading speed on a scratch copy, or generate a synthetic vault.") { scale, iterations, generate, seed, output, inPlace };
        command.Subcommands.Add(GradingBenchCommand.Create(global));
        command.SetAction(result => result.GetValue(generate) > 0
            ? Generate(result.GetValue(generate), result.GetValue(seed), result.GetValue(output))
            : result.GetValue(inPlace)
                ? RunInPlace(global.Settings(result).Library, Math.Max(1, result.GetValue(iterations)))
                : Run(global.Settings(result).Library, Math.Max(1, result.GetValue(scale)), Math.Max(1, result.GetValue(iterations))));
        return command;
    }

    private static int Generate(int count, int seed, string? output)
    {
        var directory = Path.GetFullPath(output ?? string.Create(CultureInfo.InvariantCulture, $"vault-{count}-seed-{seed}"));
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Console.Error.WriteLine($"llmprep: '{directory}' is not empty: give --out a new or empty folder");
            return 2;
        }

        if (!Directory.Exists(ServerSettings.BundledCorpusDirectory))
        {
            Console.Error.WriteLine($"llmprep: --generate draws its words from the bundled corpus, which is not at '{ServerSettings.BundledCorpusDirectory}'");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var words = VaultLexicon.From(CorpusLoader.Load([new CorpusRoot(ServerSettings.BundledRootName, ServerSettings.BundledCorpusDirectory)]).Notes);
        var vault = SyntheticVault.Write(directory, count, seed, words);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"vault        {vault.Notes} notes ({vault.CorpusNotes} with corpus front matter and a quiz), {vault.Bytes / 1024.0 / 1024.0:F1} MB, {vault.Bytes / vault.Notes} bytes a note, seed {seed}, in {clock.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine($"written to   {directory}");
        return 0;
    }

    private static int Run(LibraryOptions options, int scale, int iterations)
    {
        var scratch = Directory.CreateTempSubdirectory("llmprep-bench-").FullName;
        try
        {
            // Always a copy: the benchmark edits a file to time an incremental sync, and must never touch real notes.
            IReadOnlyList<CorpusRoot> roots = [new CorpusRoot("bench", Replicate(options.Roots, Path.Combine(scratch, "corpus"), scale))];
            var bench = new LibraryOptions(roots, Path.Combine(scratch, "data"));

            var parse = Time(5, () => CorpusLoader.Load(roots));
            var corpus = CorpusLoader.Load(roots);
            Console.WriteLine($"corpus       {corpus.Notes.Count} notes, {corpus.Cards.Count()} cards, {corpus.Notes.Sum(n => n.Sections.Count)} sections (scale {scale})");
            Report("parse", parse, "ms");

            var clock = Stopwatch.StartNew();
            using (StudyLibrary.Open(bench))
            {
                Console.WriteLine($"index cold   {clock.Elapsed.TotalMilliseconds:F1} ms (parse + build)");
            }

            using var library = StudyLibrary.Open(bench);
            Console.WriteLine($"index warm   {library.LastSync.Elapsed.TotalMilliseconds:F2} ms sync, {library.LastSync.Unchanged} files unchanged");
            var first = library.Options.Roots[0].Directory;
            var touched = Directory.EnumerateFiles(first, "*.md", SearchOption.AllDirectories).First(f => !f.EndsWith("README.md", StringComparison.Ordinal));
            File.AppendAllText(touched, "\nAn extra line for the benchmark.\n");
            var resync = library.Reload();
            Console.WriteLine($"index change {resync.Elapsed.TotalMilliseconds:F2} ms sync ({resync.Updated} changed, {resync.Unchanged} unchanged), {library.LoadTime.TotalMilliseconds:F1} ms reparse");

            Searches(library, iterations);
            Grades(library);
            Report("start (spawn to initialize answered)", StartTimes(roots, Path.Combine(scratch, "start")), "ms");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// The figures of a corpus as it is, index included: the library's opening (a sync of what changed since the last
    /// one), searches, grading and the memory held with everything loaded. Neither the notes nor the data folder's
    /// progress is touched; the index there is synced like any start does.
    /// </summary>
    private static int RunInPlace(LibraryOptions options, int iterations)
    {
        var clock = Stopwatch.StartNew();
        using var library = StudyLibrary.Open(options);
        var opened = clock.Elapsed;
        var sync = library.LastSync;
        var corpus = library.Corpus;
        Console.WriteLine($"corpus       {corpus.Notes.Count} notes, {corpus.Cards.Count()} cards, {corpus.Notes.Sum(n => n.Sections.Count)} sections (in place)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"open         {opened.TotalMilliseconds:F1} ms ({sync.Parsed} files parsed, {sync.FromCache} from the parse cache; sync {sync.Elapsed.TotalMilliseconds:F1} ms: {sync.Added} added, {sync.Updated} changed, {sync.Removed} removed, {sync.Unchanged} unchanged)"));
        Searches(library, iterations);
        Grades(library);
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory       {self.WorkingSet64 / 1024.0 / 1024.0:F0} MB resident, {self.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB peak, {GC.GetTotalMemory(false) / 1024.0 / 1024.0:F0} MB managed"));
        return 0;
    }

    private static void Searches(StudyLibrary library, int iterations)
    {
        var sections = library.Corpus.Notes.Sum(n => n.Sections.Count);
        var matched = Queries.Select(query => library.Search(new SearchRequest(query))).ToList();
        var shares = matched.Select(r => 100.0 * r.Total / Math.Max(1, sections)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"matches      {Median(shares):F2}% of {sections} sections a query, median ({matched.Count(r => r.MatchMode == "any")} widened to any word): {string.Join(", ", Queries.Zip(matched, (q, r) => $"{q} {r.Total}"))}"));

        var searches = new List<double>();
        var perQuery = Queries.ToDictionary(q => q, _ => new List<double>());
        var hits = 0;
        for (var i = 0; i < iterations; i++)
        {
            foreach (var query in Queries)
            {
                var start = Stopwatch.GetTimestamp();
                hits += library.Search(new SearchRequest(query)).Hits.Count;
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                searches.Add(elapsed);
                perQuery[query].Add(elapsed);
            }
        }

        Report($"search ({searches.Count} queries, {hits / searches.Count} hits each)", searches, "µs");
        var slowest = perQuery.OrderByDescending(p => Median(p.Value)).Take(3).Select(p => string.Create(CultureInfo.InvariantCulture, $"'{p.Key}' {Median(p.Value):F0} µs"));
        Console.WriteLine($"slowest      {string.Join(", ", slowest)}");
    }

    private static void Grades(StudyLibrary library)
    {
        var grader = KeyPointGrader.For(library.Corpus);
        var cards = library.Corpus.Cards.Take(500).ToList();
        var grades = new List<double>();
        foreach (var card in cards)
        {
            var start = Stopwatch.GetTimestamp();
            grader.Grade(card, card.Answer);
            grades.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        Report($"grade ({grades.Count} answers)", grades, "µs");
    }

    /// <summary>Launches this binary as an assistant does and times process start to the initialize response.</summary>
    private static List<double> StartTimes(IReadOnlyList<CorpusRoot> roots, string dataDirectory)
    {
        const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}}""";
        var times = new List<double>();
        for (var run = 0; run < 7; run++)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "llmprep.dll"));
            }

            foreach (var arg in new[] { "serve", "--no-bundled", "--corpus", roots[0].Directory, "--data-dir", dataDirectory })
            {
                start.ArgumentList.Add(arg);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.StandardInput.WriteLine(Initialize);
            process.StandardInput.Flush();
            process.StandardOutput.ReadLine();
            times.Add(clock.Elapsed.TotalMilliseconds);
            process.StandardInput.Close();
            process.WaitForExit();
        }

        return times;
    }

    private static string Replicate(IReadOnlyList<CorpusRoot> roots, string target, int scale)
    {
        foreach (var root in roots)
        {
            foreach (var file in Directory.EnumerateFiles(root.Directory, "*.md", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root.Directory, file);
                if (relative.Equals("README.md", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                for (var copy = 0; copy < scale; copy++)
                {
                    var path = Path.Combine(target, $"copy{copy:00}", root.Name, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, copy == 0 ? text : text.Replace("\nid: ", $"\nid: c{copy}-", StringComparison.Ordinal));
                }
            }
        }

        return target;
    }

    private static List<double> Time(int runs, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    private static double Median(List<double> samples) => samples.Order().ElementAt(samples.Count / 2);

    private static void Report(string what, List<double> samples, string unit)
    {
        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)(q * samples.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-12} median {At(0.5):F1} {unit}, p95 {At(0.95):F1} {unit}, p99 {At(0.99):F1} {unit}, max {samples[^1]:F1} {unit}"));
    }
}
