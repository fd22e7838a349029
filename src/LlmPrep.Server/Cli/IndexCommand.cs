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

            var status = StudyLibrary.SyncIndex(options);
            var (sync, counts) = (status.Sync, status.Counts);
            if (status.Warning is { } warning)
            {
                Console.Error.WriteLine($"llmprep: {warning}");
            }

            foreach (var root in options.Roots)
            {
                Console.WriteLine($"corpus root  {root.Name}: {root.Directory}");
            }

            Console.WriteLine($"index        {options.IndexPath}{(sync.Rebuilt ? " (built anew)" : "")}");
            Console.WriteLine($"notes        {counts.Notes} ({counts.Sections} sections, {counts.Cards} quiz cards)");
            Console.WriteLine($"sections     {sync.Sections} indexed");
            Console.WriteLine($"files        {sync.Added} added, {sync.Updated} changed, {sync.Touched} touched, {sync.Removed} removed, {sync.Unchanged} unchanged");
            Console.WriteLine(status.NothingChanged
                ? "load         none (no file changed since the last sync)"
                : $"load         {status.LoadTime.TotalMilliseconds:F1} ms ({sync.Parsed} files read and parsed, {sync.FromCache} from the parse cache)");
            Console.WriteLine($"sync         {sync.Elapsed.TotalMilliseconds:F1} ms");
            Console.WriteLine($"problems     {counts.Errors} errors, {counts.Warnings} warnings (run 'llmprep lint')");
            return 0;
        });
        return command;
    }
}
