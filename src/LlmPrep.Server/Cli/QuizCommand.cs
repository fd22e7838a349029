using System.CommandLine;
using LlmPrep.Core;
using LlmPrep.Core.Corpus;
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
        var count = WholeNumberOption.Create("--count", "Stop after this many questions (default 10).", 10, 1, 1000);
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
            Console.WriteLine(TerminalText.Wrap($"[{asked}] {question.NoteTitle} ({question.State}, {next.DueCount} due, {next.NewCount} new)"));
            Console.WriteLine(TerminalText.Wrap(question.Question, "Q: ", "   "));
            Console.Write("> ");
            var answer = Console.ReadLine();
            if (answer is null || answer.Trim() == ":q")
            {
                asked--;
                break;
            }

            var card = corpus.FindCard(question.CardId)!;
            var outcome = quiz.Answer(corpus, card, answer, grader.Grade(card, answer), selfRating: null);
            Console.WriteLine(TerminalText.Wrap($"Score {outcome.Score * 100:F0}%: {outcome.Rating}. {Covered(outcome)}"));
            if (outcome.Missed.Count > 0)
            {
                Console.WriteLine("Missed:");
                foreach (var point in outcome.Missed)
                {
                    Console.WriteLine(TerminalText.Wrap(point, "  - ", "    "));
                }
            }

            Console.WriteLine(TerminalText.Wrap(outcome.ReferenceAnswer, "Reference: ", "  "));
            string? self;
            while (true)
            {
                Console.Write("Your rating? [a]gain [h]ard [g]ood [e]asy, [r] to read the source section, Enter keeps it: ");
                self = Console.ReadLine()?.Trim().ToLowerInvariant();
                if (self is not ("r" or "read"))
                {
                    break;
                }

                PrintSource(corpus, outcome.SourceUri);
            }

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

            Console.WriteLine($"Next review: {outcome.NextDue.ToLocalTime():yyyy-MM-dd HH:mm} ({CliHints.Days(outcome.IntervalDays)}).");
            if (self is null)
            {
                break;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{asked} question{(asked == 1 ? "" : "s")} answered; progress saved.");
        return 0;
    }

    /// <summary>The grade's summary without its list of missed points, which follows one per line.</summary>
    private static string Covered(AnswerOutcome outcome)
    {
        var missing = outcome.Feedback.IndexOf(" Missing:", StringComparison.Ordinal);
        return missing < 0 ? outcome.Feedback : outcome.Feedback[..missing];
    }

    /// <summary>Prints the note section that teaches the card, wrapped, in place of a URI a terminal cannot open.</summary>
    private static void PrintSource(CorpusSnapshot corpus, string uri)
    {
        var (note, anchor, error) = NoteUri.Resolve(corpus, uri, CliHints.FindNotes);
        if (note is null)
        {
            Console.WriteLine(error);
            return;
        }

        var markdown = anchor is null ? note.Body : note.FindSection(anchor)!.Markdown;
        Console.WriteLine();
        foreach (var paragraph in markdown.Trim().Split('\n'))
        {
            Console.WriteLine(paragraph.Length == 0 ? "" : TerminalText.Wrap(paragraph));
        }

        Console.WriteLine();
    }
}
