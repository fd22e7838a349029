using System.CommandLine;
using LlmPrep.Core;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Grading;
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
                using var judge = new EndpointJudge(settings.Grader);
                return Run(library, host.Service, judge, new QuizScope(result.GetValue(topic), result.GetValue(section), result.GetValue(level), result.GetValue(priority)), result.GetValue(count));
            }
            catch (QuizException ex)
            {
                Console.Error.WriteLine($"llmprep: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static int Run(StudyLibrary library, QuizService quiz, EndpointJudge judge, QuizScope scope, int count)
    {
        var corpus = library.Corpus;
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
            var (grade, verdict) = Judge(judge, card, answer, KeyPointGrader.For(corpus).Grade(card, answer));
            var outcome = quiz.Answer(corpus, card, answer, grade, selfRating: null, verdict: verdict);
            Console.WriteLine(TerminalText.Wrap($"Score {outcome.Score * 100:F0}%: {outcome.Rating}. {Covered(outcome)}"));
            if (outcome.Grader == QuizService.EndpointGrader)
            {
                Console.WriteLine("(Judged by the configured grader model.)");
            }

            Console.WriteLine(TerminalText.Wrap(outcome.ReferenceAnswer, "Reference: ", "  "));
            var self = ConfirmKeyPoints(card, outcome, verdict ?? VerdictText.FromCovered(card, grade.Covered), () => PrintSource(corpus, outcome.SourceUri));
            if (self is not null)
            {
                outcome = self.Value.Rating is { } r
                    ? quiz.Rate(corpus, card, r, outcome.ReviewId, QuizService.PersonGrader)
                    : quiz.Judge(corpus, card, self.Value.Verdict!, QuizService.PersonGrader, outcome.ReviewId, feedback: outcome.Feedback);
                Console.WriteLine($"Saved as {outcome.Rating}.");
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

    /// <summary>The configured grader model's verdict when one is configured and rules; otherwise the key-point grade.</summary>
    private static (Grade Grade, AnswerVerdict? Verdict) Judge(EndpointJudge judge, QuizCard card, string answer, Grade local)
    {
        if (judge.Unavailable(null) is not null)
        {
            return (local, null);
        }

        var ruling = judge.JudgeAsync(null, card, answer, CancellationToken.None).GetAwaiter().GetResult();
        if (ruling.Verdict is null)
        {
            Console.Error.WriteLine($"llmprep: {ruling.Problem}; graded by key points instead.");
            return (local, null);
        }

        return (VerdictText.ToGrade(ruling.Verdict, ruling.Feedback!, judge.Name), ruling.Verdict);
    }

    /// <summary>
    /// Lists the key points, ticked as judged, and asks which the person covered: Enter accepts the judge's verdict,
    /// numbers replace it, a rating letter sets the rating. Null when input ends (the judged rating stands).
    /// </summary>
    private static (AnswerVerdict? Verdict, Rating? Rating)? ConfirmKeyPoints(QuizCard card, AnswerOutcome outcome, AnswerVerdict judged, Action readSource)
    {
        Console.WriteLine("Key points ([x] = judged covered):");
        for (var i = 0; i < card.KeyPoints.Count; i++)
        {
            var status = outcome.KeyPointStatuses[i];
            var note = status is "partly" or "contradicted" ? $" ({status})" : "";
            var mark = $"  [{(status == "covered" ? 'x' : ' ')}] {i + 1}. ";
            Console.WriteLine(TerminalText.Wrap($"{card.KeyPoints[i]}{note}", mark, new string(' ', mark.Length)));
        }

        foreach (var claim in judged.FalseClaims)
        {
            Console.WriteLine($"  False claim: {claim}");
        }

        var suggested = Enumerable.Range(1, card.KeyPoints.Count).Where(i => outcome.KeyPointStatuses[i - 1] == "covered").ToList();
        var accept = suggested.Count == 0 ? "none" : string.Join(' ', suggested);
        while (true)
        {
            Console.Write($"Which did you cover? Enter accepts {accept}; or type numbers (0 for none), a rating [a]gain [h]ard [g]ood [e]asy, or [r] to read the source section: ");
            var line = Console.ReadLine()?.Trim().ToLowerInvariant();
            if (line is null)
            {
                return null;
            }

            if (line is "r" or "read")
            {
                readSource();
                continue;
            }

            Rating? rating = line switch
            {
                "a" or "again" => Rating.Again,
                "h" or "hard" => Rating.Hard,
                "g" or "good" => Rating.Good,
                "e" or "easy" => Rating.Easy,
                _ => null,
            };
            if (rating is not null)
            {
                return (null, rating);
            }

            if (line.Length == 0)
            {
                return (judged, null);
            }

            var ticked = Numbers(line, card.KeyPoints.Count);
            if (ticked is not null)
            {
                var points = card.KeyPoints.Select((k, i) => new KeyPointVerdict(k, ticked.Contains(i + 1) ? KeyPointStatus.Covered : KeyPointStatus.Missed)).ToList();
                return (new AnswerVerdict(points, []), null);
            }

            Console.WriteLine($"Type key point numbers from 1 to {card.KeyPoints.Count} separated by spaces, 0 for none, or a, h, g, e.");
        }
    }

    private static List<int>? Numbers(string line, int count)
    {
        var numbers = new List<int>();
        foreach (var part in line.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var n) || n < 0 || n > count)
            {
                return null;
            }

            if (n > 0)
            {
                numbers.Add(n);
            }
        }

        return numbers;
    }
}
