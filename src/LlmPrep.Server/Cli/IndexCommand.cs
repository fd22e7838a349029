using System.CommandLine;
using LlmPrep.Core;

namespace LlmPrep.Server.Cli;

/// <summary><c>llmprep index</c>: syncs the full-text index with the corpus and prints counts and timings.</summary>
internal static class IndexCommand
{
    private static readonly string[] IndexFileSuffixes = ["", "-wal", "-shm"];

    public static Command Create(GlobalOptions global)
    {
        var rebuild = new Option<bool>("--rebuild") { Description = "Delete the index first and build it from scratch." };
        var command = new Command("index", "Sync (or rebuild) the search index and print statistics.") { rebuild };
        command.SetAction(result =>
        {
            var options = global.Settings(result).Library;
            if (result.GetValue(rebuild))
            {
                foreach (var suffix in IndexFileSuffixes)
                {
                    File.Delete(options.IndexPath + suffix);
                }
            }

            using var library = StudyLibrary.Open(options);
            var corpus = library.Corpus;
            var sync = library.LastSync;
            foreach (var root in options.Roots)
            {
                Console.WriteLine($"corpus root  {root.Name}: {root.Directory}");
            }

            Console.WriteLine($"index        {options.IndexPath}{(sync.Rebuilt ? " (built anew)" : "")}");
            Console.WriteLine($"notes        {corpus.Notes.Count} ({corpus.Sections.Count} sections, {corpus.Cards.Count()} quiz cards)");
            Console.WriteLine($"sections     {sync.Sections} indexed");
            Console.WriteLine($"files        {sync.Added} added, {sync.Updated} changed, {sync.Touched} touched, {sync.Removed} removed, {sync.Unchanged} unchanged");
            Console.WriteLine($"load         {library.LoadTime.TotalMilliseconds:F1} ms (read and parse)");
            Console.WriteLine($"sync         {sync.Elapsed.TotalMilliseconds:F1} ms");
            Console.WriteLine($"problems     {corpus.ErrorCount} errors, {corpus.Problems.Count - corpus.ErrorCount} warnings (run 'llmprep lint')");
            return 0;
        });
        return command;
    }
}
