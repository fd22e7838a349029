using System.CommandLine;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Server.Cli;

/// <summary><c>llmprep lint</c>: validates the corpus and exits non-zero when any note has an error.</summary>
internal static class LintCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("lint", "Validate the corpus format: front matter, quiz cards, links. Exits 1 on errors.");
        command.SetAction(result =>
        {
            var settings = global.Settings(result);
            var corpus = CorpusLoader.Load(settings.Library.Roots);
            foreach (var problem in corpus.Problems)
            {
                Console.WriteLine(problem);
            }

            var errors = corpus.ErrorCount;
            var cards = corpus.Cards.Count();
            Console.WriteLine($"{corpus.Notes.Count} notes, {cards} cards, {errors} errors, {corpus.Problems.Count - errors} warnings");
            return errors == 0 ? 0 : 1;
        });
        return command;
    }
}
