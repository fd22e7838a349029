using System.Globalization;
using System.Text;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Server.Prompts;

/// <summary>
/// Lays the corpus out over the days and hours the person has: the corpus's study order (the study plan's),
/// weakest sections first once there is progress, a focus topic before everything, must-know notes chosen
/// before good and nice ones when time is short, a short quiz after each note, a daily review and a closing mock.
/// </summary>
internal static class StudyPlanner
{
    public const int QuizMinutes = 5;

    public static StudyPlan Build(CorpusSnapshot corpus, int days, double hoursPerDay, IReadOnlyList<Note> focus, ProgressReport? progress)
    {
        var order = StudyOrder(corpus);
        var weakestFirst = progress is { Reviews: > 0 };
        if (weakestFirst)
        {
            var readiness = progress!.Sections.ToDictionary(s => s.Section, s => s.Readiness);
            order = [.. order.Select((note, i) => (Note: note, Index: i)).OrderBy(x => readiness.GetValueOrDefault(x.Note.Section)).ThenBy(x => x.Index).Select(x => x.Note)];
        }

        order = [.. focus.Where(order.Contains), .. order.Except(focus)];

        var perDay = (int)Math.Round(hoursPerDay * 60);
        var review = Math.Clamp((int)Math.Round(perDay * 0.15 / 5) * 5, 10, 30);
        var mock = perDay >= 150 ? 45 : perDay >= 90 ? 30 : 0;
        var capacity = Enumerable.Range(1, days)
            .Select(day => perDay - (day > 1 || progress is { DueNow: > 0 } ? review : 0) - (day == days ? mock : 0))
            .ToArray();

        // When time is short, must-know notes are chosen before good ones, and good before nice; focus notes before all.
        var budget = capacity.Sum();
        var chosen = new HashSet<Note>();
        foreach (var note in focus.Concat(Enum.GetValues<NotePriority>().SelectMany(p => order.Where(n => n.Priority == p))))
        {
            if (!chosen.Contains(note) && Cost(note) <= budget)
            {
                chosen.Add(note);
                budget -= Cost(note);
            }
        }

        var plan = new List<StudyDay>();
        var queue = new Queue<Note>(order.Where(chosen.Contains));
        for (var day = 1; day <= days; day++)
        {
            var items = new List<StudyItem>();
            if (day > 1 || progress is { DueNow: > 0 })
            {
                items.Add(new StudyItem(review, "review due cards: quiz_me with no topic (due reviews come first), then review_mistakes", null));
            }

            var left = capacity[day - 1];
            while (queue.Count > 0 && (Cost(queue.Peek()) <= left || !items.Any(i => i.Note is not null)))
            {
                var note = queue.Dequeue();
                items.Add(new StudyItem(Cost(note), "", note));
                left -= Cost(note);
            }

            if (day == days && mock > 0)
            {
                items.Add(new StudyItem(mock, "mock interview: mock_interview on your weakest topic so far", null));
            }

            plan.Add(new StudyDay(day, items));
        }

        var placed = plan.SelectMany(d => d.Items).Select(i => i.Note).OfType<Note>().ToHashSet();
        return new StudyPlan(plan, [.. order.Where(n => !placed.Contains(n))], weakestFirst);
    }

    /// <summary>The notes to study, in the corpus's study order, without the study plan's own folder (the plan and its checklist).</summary>
    public static IReadOnlyList<Note> StudyOrder(CorpusSnapshot corpus)
    {
        var planSection = corpus.FindById(CorpusSnapshot.StudyPlanId)?.Section;
        return [.. corpus.Notes.Where(n => planSection is null || n.Section != planSection).OrderBy(n => corpus.StudyOrder[n.Id])];
    }

    private static int Cost(Note note) => Math.Max(note.Minutes, 5) + QuizMinutes;
}

/// <summary>A study plan: what to do each day, and what did not fit.</summary>
internal sealed record StudyPlan(IReadOnlyList<StudyDay> Days, IReadOnlyList<Note> Left, bool WeakestFirst)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        foreach (var day in Days)
        {
            text.Append(culture, $"### Day {day.Number} ({PromptResults.Minutes(day.Items.Sum(i => i.Minutes))})\n\n");
            var number = 0;
            foreach (var item in day.Items)
            {
                if (item.Note is { } note)
                {
                    text.Append(culture, $"{++number}. [{note.Title}]({NoteUri.For(note)}) (`{note.Id}`, {note.Priority.ToText()}): {note.Minutes} min + {StudyPlanner.QuizMinutes} min quiz\n");
                }
                else
                {
                    text.Append(culture, $"- {item.Minutes} min: {item.Text}\n");
                }
            }

            text.Append('\n');
        }

        if (Left.Count == 0)
        {
            text.Append("Every note in the study order fits.\n");
        }
        else
        {
            var minutes = Left.Sum(n => n.Minutes + StudyPlanner.QuizMinutes);
            var listed = Left.OrderBy(n => n.Priority).Take(15).Select(n => $"`{n.Id}` ({n.Priority.ToText()})");
            text.Append(culture, $"Not in this plan ({Left.Count} notes, {PromptResults.Minutes(minutes)}): {string.Join(", ", listed)}{(Left.Count > 15 ? ", …" : "")}.\n");
        }

        return text.ToString();
    }
}

/// <summary>One day of a study plan.</summary>
internal sealed record StudyDay(int Number, IReadOnlyList<StudyItem> Items);

/// <summary>A block of a day: a note to study (and quiz), or a review or mock-interview block.</summary>
internal sealed record StudyItem(int Minutes, string Text, Note? Note);
