using System.CommandLine;
using LlmPrep.Core;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Hosting;

namespace LlmPrep.Server.Cli;

/// <summary>
/// <c>llmprep quiz</c>: an interactive terminal quiz. Each answer is graded and committed before the
/// feedback is printed, so Ctrl+C or closing the terminal at any point loses nothing that was answered.
/// </summary>
internal static class QuizCommand
{
    public static Command Create(GlobalOptions global)
    {
        var topic = new Option<string?>("--topic") { Description = "Topic words, a note id or a section, e.g. retrieval or lora-qlora." };
        var section = new Option<string?>("--section") { Description = "Only this section (folder, number or name)." };
        var level = new Option<string?>("--level") { Description = "Only this level." };
        var priority = new Option<string?>("--priority") { Description = "Only this priority: must, good or nice." };
        var count = new Option<int>("--count") { Description = "Stop after this many questions (default 10).", DefaultValueFactory = _ => 10 };
        var command = new Command("quiz", "Quiz yourself in the terminal: due reviews first, then new cards.") { topic, section, level, priority, count };
        command.SetAction(result =>
        {
            var settings = global.Settings(result);
            using var library = StudyLibrary.Open(settings.Library);
            using var host = new QuizHost(settings, TimeProvider.System);
            try
            {
                return Run(library, host.Service, new QuizScope(result.GetValue(topic), result.GetValue(section), result.GetValue(level), result.GetValue(priority)), result.GetValue(count));
            }
            catch (QuizException ex)
            {
                Console.Error.WriteLine($"llmprep: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static int Run(StudyLibrary library, QuizService quiz, QuizScope scope, int count)
    {
        var corpus = library.Corpus;
        var grader = KeyPointGrader.For(corpus);
        Console.WriteLine("Answer in your own words and press Enter (an empty line means \"I don't know\"; :q quits).");
        var asked = 0;
        while (asked < count)
        {
            var next = quiz.Next(corpus, scope);
            if (next.Card is not { } question)
            {
                Console.WriteLine(next.Message);
                break;
            }

            asked++;
            Console.WriteLine();
            Console.WriteLine($"[{asked}] {question.NoteTitle} ({question.State}, {next.DueCount} due, {next.NewCount} new)");
            Console.WriteLine($"Q: {question.Question}");
            Console.Write("> ");
            var answer = Console.ReadLine();
            if (answer is null || answer.Trim() == ":q")
            {
                asked--;
                break;
            }

            var card = corpus.FindCard(question.CardId)!;
            var outcome = quiz.Answer(corpus, card, answer, grader.Grade(card, answer), selfRating: null);
            Console.WriteLine($"Score {outcome.Score * 100:F0}%: {outcome.Rating}. {outcome.Feedback}");
            Console.WriteLine($"Reference: {outcome.ReferenceAnswer}");
            Console.WriteLine($"Read: {outcome.SourceUri}");
            Console.Write("Your rating? [a]gain [h]ard [g]ood [e]asy, Enter keeps it: ");
            var self = Console.ReadLine()?.Trim().ToLowerInvariant();
            Rating? rating = self switch
            {
                "a" or "again" => Rating.Again,
                "h" or "hard" => Rating.Hard,
                "g" or "good" => Rating.Good,
                "e" or "easy" => Rating.Easy,
                _ => null,
            };
            if (rating is { } r && !string.Equals(r.ToString(), outcome.Rating, StringComparison.OrdinalIgnoreCase))
            {
                outcome = quiz.Rate(corpus, card, r);
            }

            Console.WriteLine($"Next review: {outcome.NextDue.ToLocalTime():yyyy-MM-dd HH:mm} ({outcome.IntervalDays} days).");
            if (self is null)
            {
                break;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{asked} question(s) answered; progress saved.");
        return 0;
    }
}
