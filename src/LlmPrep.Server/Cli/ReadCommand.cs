using System.CommandLine;
using LlmPrep.Core;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Server.Cli;

/// <summary><c>llmprep read &lt;path|uri&gt;</c>: prints a note (or one #section) as markdown.</summary>
internal static class ReadCommand
{
    public static Command Create(GlobalOptions global)
    {
        var reference = new Argument<string>("note") { Description = "A note id, a path such as 01-foundations/tokenization, or an llmprep://notes/ URI (#anchor for one section)." };
        var command = new Command("read", "Print a note as markdown.") { reference };
        command.SetAction(result =>
        {
            using var library = StudyLibrary.Open(global.Settings(result).Library);
            var (note, anchor, error) = NoteUri.Resolve(library.Corpus, result.GetValue(reference), CliHints.FindNotes);
            if (note is null)
            {
                Console.Error.WriteLine($"llmprep: {error}");
                return 2;
            }

            Console.WriteLine(anchor is null ? note.Body.Trim() : note.FindSection(anchor)!.Markdown);
            return 0;
        });
        return command;
    }
}
