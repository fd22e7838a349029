using System.CommandLine;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Server.Cli;

/// <summary><c>llmprep export anki &lt;file&gt;</c>: every quiz card as a tab-separated file Anki imports.</summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to write, e.g. llmprep-cards.txt." };
        var section = new Option<string?>("--section") { Description = "Only this section (folder, number or name)." };
        var anki = new Command("anki", "Write the quiz cards as an Anki import file (front, back, tags).") { file, section };
        anki.SetAction(result =>
        {
            var corpus = CorpusLoader.Load(global.Settings(result).Library.Roots);
            IEnumerable<Note> notes = corpus.Notes;
            if (result.GetValue(section) is { } wanted)
            {
                var name = corpus.ResolveSection(wanted);
                if (name is null)
                {
                    Console.Error.WriteLine($"llmprep: section '{wanted}' does not exist; sections are: {string.Join(", ", corpus.Sections)}");
                    return 2;
                }

                notes = notes.Where(n => n.Section == name);
            }

            var target = result.GetValue(file)!;
            var selected = notes.ToList();
            File.WriteAllText(target.FullName, AnkiExport.Write(selected));
            Console.WriteLine($"Wrote {selected.Sum(n => n.Cards.Count)} cards from {selected.Count} notes to {target.FullName}.");
            Console.WriteLine("In Anki: File > Import, pick the file; fields map to Front, Back and Tags.");
            return 0;
        });

        var command = new Command("export", "Export the quiz cards to another tool.");
        command.Subcommands.Add(anki);
        return command;
    }
}
