using System.CommandLine;
using LlmPrep.Core;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Hosting;

namespace LlmPrep.Server.Cli;

/// <summary><c>llmprep progress</c>: the readiness report in the terminal.</summary>
internal static class ProgressCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("progress", "Show readiness per section, weakest topics, due reviews and streak.");
        command.SetAction(result =>
        {
            var settings = global.Settings(result);
            using var library = StudyLibrary.Open(settings.Library);
            using var host = new QuizHost(settings, TimeProvider.System);
            try
            {
                Console.Write(host.Service.Report(library.Corpus).ToMarkdown());
                return 0;
            }
            catch (QuizException ex)
            {
                Console.Error.WriteLine($"llmprep: {ex.Message}");
                return 2;
            }
        });
        return command;
    }
}
