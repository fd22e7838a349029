using System.Globalization;
using System.Text;

namespace LlmPrep.Server.Prompts;

/// <summary>The time boxes and scoring rubrics of each interview style, scaled to the minutes available.</summary>
internal static class InterviewScript
{
    /// <summary>The system-design framework's nine steps with their share of a 45-minute round (as in the framework note).</summary>
    public static readonly (string Step, int Minutes, string Covers)[] DesignSteps =
    [
        ("1. Requirements", 5, "users, tasks, scale, latency, quality bar, constraints"),
        ("2. Data", 4, "sources, volume, freshness, access rights, PII"),
        ("3. Architecture sketch", 5, "the online path and the offline pipeline"),
        ("4. Retrieval and context", 6, "chunking, indexes, hybrid search, reranking"),
        ("5. Model choice", 4, "API or open weights, size, routing, fine-tune or not"),
        ("6. Evaluation", 6, "offline set, metrics per component, online tests"),
        ("7. Latency and cost budgets", 5, "milliseconds and cents per stage"),
        ("8. Safety", 4, "prompt injection, PII, guardrails, human review"),
        ("9. Monitoring and rollout", 4, "traces, drift, shadow, canary, A/B"),
        ("Wrap-up", 2, "trade-offs made, what to do next"),
    ];

    public static int DebriefMinutes(int minutes) => Math.Clamp((int)Math.Round(minutes * 0.15), 3, 10);

    public static string TechnicalPlan(int minutes, InterviewLevel level, out int questions)
    {
        var debrief = DebriefMinutes(minutes);
        var deepDive = minutes >= 30 ? Math.Clamp((int)Math.Round(minutes * 0.2), 5, 15) : 0;
        var core = minutes - 2 - debrief - deepDive;
        var each = level >= InterviewLevel.Senior ? 8 : 6;
        questions = Math.Max(2, core / each);
        var rows = new List<(int, string)>
        {
            (2, "Opening: say the format and the time, then ask the opening question"),
            (core, $"Core: about {questions} questions of ~{core / questions} min each with follow-ups, must-know first"),
        };
        if (deepDive > 0)
        {
            rows.Add((deepDive, "Deep dive: go back to the weakest answer and push three levels of \"why\" and \"how would you measure it\""));
        }

        rows.Add((debrief, "Debrief, out of role"));
        return Table(rows);
    }

    public static string DesignPlan(int minutes)
    {
        var debrief = DebriefMinutes(minutes);
        var available = minutes - debrief;
        var total = DesignSteps.Sum(s => s.Minutes);
        var rows = new List<(int, string)>();
        var used = 0;
        var cumulative = 0;
        foreach (var (step, share, covers) in DesignSteps)
        {
            cumulative += share;
            var end = (int)Math.Round(cumulative * (double)available / total);
            rows.Add((end - used, $"{step}: {covers}"));
            used = end;
        }

        rows.Add((debrief, "Debrief, out of role"));
        return Table(rows);
    }

    public static string BehaviouralPlan(int minutes, out int stories)
    {
        var debrief = DebriefMinutes(minutes);
        var opener = Math.Min(3, minutes / 5);
        stories = Math.Max(1, (minutes - opener - debrief) / 8);
        var each = (minutes - opener - debrief) / stories;
        return Table(
        [
            (opener, "\"Tell me about yourself\" (cut in at two minutes)"),
            (minutes - opener - debrief, $"{stories} behavioural question{(stories == 1 ? "" : "s")}, ~{each} min each: the story, then follow-ups"),
            (debrief, "Debrief, out of role"),
        ]);
    }

    public static string TechnicalRubric(InterviewLevel level) => Rubric(level, InterviewStyle.Technical,
    [
        ("Correctness and depth", "wrong or vague", "precise, and goes a level deeper unprompted"),
        ("Trade-offs", "one option, no alternatives", "compares options against a clear criterion; knows when not to use it"),
        ("Numbers and production sense", "no numbers, happy path only", "sizes memory, latency and cost; names failure modes and how to detect them"),
        ("Communication", "rambles; undefined jargon", "answer first, structured, about a minute, checks what the interviewer wants"),
    ]);

    public static string DesignRubric(InterviewLevel level) => Rubric(level, InterviewStyle.SystemDesign,
    [
        ("Requirements and scoping", "starts building at once", "clarifies users, scale, latency and constraints, then states assumptions"),
        ("Architecture", "a box list without data flow", "clear online and offline paths; every component justified"),
        ("Retrieval and models", "one default choice", "choices tied to the data and requirements, with the alternative rejected and why"),
        ("Evaluation", "\"we'd test it\"", "golden set, metrics per component, online checks, and what would trigger a rollback"),
        ("Latency, cost and scale", "no numbers", "a per-stage latency and cost budget; back-of-envelope capacity"),
        ("Safety, privacy and rollout", "not mentioned", "injection, PII and guardrails handled; shadow, canary, monitoring"),
        ("Communication", "waits to be led", "drives the round, checks in, adapts when a requirement changes"),
    ]);

    public static string BehaviouralRubric(InterviewLevel level) => Rubric(level, InterviewStyle.Behavioural,
    [
        ("Structure (STAR)", "a long situation, no result", "brief situation and task, most time on action, a clear result"),
        ("Ownership", "\"we\" throughout", "what *I* decided and did, and why"),
        ("Evidence", "no numbers", "a measured result and how it was measured"),
        ("Reflection", "nothing learned", "an honest lesson and what they now do differently"),
        ("Brevity", "over four minutes", "about two minutes, then room for follow-ups"),
    ]);

    private static string Rubric(InterviewLevel level, InterviewStyle style, (string Dimension, string One, string Four)[] rows)
    {
        var text = new StringBuilder("| dimension | 1 | 4 |\n|---|---|---|\n");
        foreach (var (dimension, one, four) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {dimension} | {one} | {four} |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nScore each dimension 1-4 (2 = below the bar, 3 = at it). The bar for {level.Name()}: {level.Bar(style)} Passing at {level.Name()} means {level.PassMark(style)}.\n");
        return text.ToString();
    }

    private static string Table(IEnumerable<(int Minutes, string What)> rows)
    {
        var text = new StringBuilder("| minutes | what |\n|---|---|\n");
        var at = 0;
        foreach (var (length, what) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {at}-{at + length} | {what} |\n");
            at += length;
        }

        return text.ToString();
    }
}
