using System.CommandLine;
using System.Globalization;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Grading;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Server.Cli;

/// <summary>
/// <c>llmprep bench grading</c>: how often each available judge agrees with an interviewer on the grading sets
/// (answers of four kinds to real cards, each with the rating an interviewer gives). Prints agreement per kind.
/// </summary>
internal static class GradingBenchCommand
{
    /// <summary>Where the sets live in the repository, and beside the binary.</summary>
    public const string Folder = "grading-set";

    public static Command Create(GlobalOptions global)
    {
        var sets = new Option<FileInfo[]>("--set") { Description = "A grading set file; repeat for several (default: the sets in grading-set/).", Arity = ArgumentArity.ZeroOrMore };
        var verbose = new Option<bool>("--verbose") { Description = "Also list every answer a judge rated differently from the interviewer." };
        var check = new Option<bool>("--check") { Description = "Exit with 1 when the local grader misses its targets on the main set." };
        var command = new Command("grading", "Measure how often the answer judges agree with an interviewer's rating.") { sets, verbose, check };
        command.SetAction(async (result, cancellationToken) =>
        {
            var files = result.GetValue(sets) is { Length: > 0 } given ? given.Select(f => f.FullName).ToList() : DefaultSets();
            if (files.Count == 0)
            {
                Console.Error.WriteLine($"llmprep: no grading set found (looked for {Folder}/*.json beside the binary and in tests/{Folder} above this folder); pass --set <file>");
                return 2;
            }

            var corpus = CorpusLoader.Load(global.Settings(result).Library.Roots);
            var failed = false;
            foreach (var file in files)
            {
                GradingSet set;
                try
                {
                    set = GradingSet.Load(file);
                }
                catch (Exception ex) when (ex is GradingSetException or IOException)
                {
                    Console.Error.WriteLine($"llmprep: {ex.Message}");
                    return 2;
                }

                foreach (var (name, judge) in Judges(corpus))
                {
                    GradingResult graded;
                    try
                    {
                        graded = await GradingBench.RunAsync(set, corpus, name, judge, cancellationToken);
                    }
                    catch (GradingSetException ex)
                    {
                        Console.Error.WriteLine($"llmprep: {ex.Message}");
                        return 2;
                    }

                    Print(graded, result.GetValue(verbose));
                    failed |= graded.Judge == KeyPointGrader.Name && set.Name == "main" && !GradingTargets.Met(graded);
                }
            }

            return result.GetValue(check) && failed ? 1 : 0;
        });
        return command;
    }

    /// <summary>The judges to measure: the local grader always; a configured model judge joins this list when one is reachable.</summary>
    private static IEnumerable<(string Name, AnswerJudge Judge)> Judges(CorpusSnapshot corpus)
    {
        var local = KeyPointGrader.For(corpus);
        yield return (KeyPointGrader.Name, (card, answer, _) => ValueTask.FromResult(local.Grade(card, answer)));
    }

    private static List<string> DefaultSets()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, Folder);
        if (Directory.Exists(beside))
        {
            return Ordered(beside);
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var inRepo = Path.Combine(dir.FullName, "tests", Folder);
            if (Directory.Exists(inRepo))
            {
                return Ordered(inRepo);
            }
        }

        return [];

        // The main set first, then the others by name.
        static List<string> Ordered(string folder) =>
            [.. Directory.EnumerateFiles(folder, "*.json").OrderBy(f => Path.GetFileName(f) == "grading-set.json" ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal)];
    }

    private static void Print(GradingResult graded, bool verbose)
    {
        var answers = graded.Items.Count;
        Console.WriteLine($"grading set '{graded.SetName}': {graded.Items.Select(i => i.CardId).Distinct().Count()} cards, {answers} answers; judge {graded.Judge}");
        foreach (var kind in graded.PerKind)
        {
            var ratings = string.Join(", ", kind.Ratings.Select(r => $"{r.Key.ToString().ToLowerInvariant()} {r.Value}"));
            var target = GradingTargets.For(kind.Kind) is { } t ? string.Create(CultureInfo.InvariantCulture, $" (target {t:P0})") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Kind,-8} {kind.Agree,3}/{kind.Total,-3} {kind.Share,5:P0} as an interviewer rates{target}; rated {ratings}"));
        }

        var wrong = graded.Items.Where(i => i.Kind == "wrong").ToList();
        var passed = wrong.Where(i => i.Grade.Rating is Rating.Good or Rating.Easy).ToList();
        Console.WriteLine($"  wrong answers rated good or easy: {passed.Count} ({string.Join(", ", passed.GroupBy(i => i.Grade.ConfidenceLevel ?? "no").Select(g => $"{g.Count()} {g.Key} confidence"))}); with high confidence: {graded.ConfidentlyPassedWrong} (target 0)");
        if (!verbose)
        {
            return;
        }

        foreach (var item in graded.Items.Where(i => !i.Agrees))
        {
            Console.WriteLine($"  - {item.Kind} {item.CardId}: interviewer {item.Expected.ToString().ToLowerInvariant()}, judge {item.Grade.Rating.ToString().ToLowerInvariant()} ({item.Grade.ConfidenceLevel ?? "-"} {item.Grade.Confidence?.ToString("0.00", CultureInfo.InvariantCulture)})");
            foreach (var point in item.Grade.Verdict?.KeyPoints ?? [])
            {
                Console.WriteLine($"      {point.Status.ToString().ToLowerInvariant(),-12} {point.KeyPoint}  [{point.Evidence}]");
            }
        }
    }
}
