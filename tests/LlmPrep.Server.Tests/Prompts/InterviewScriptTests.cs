using System.Text.RegularExpressions;
using LlmPrep.Server.Prompts;

namespace LlmPrep.Server.Tests.Prompts;

public sealed partial class InterviewScriptTests
{
    public static TheoryData<int> Lengths => [15, 20, 30, 45, 60, 90, 120];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_time_plan_fills_the_interview_exactly(int minutes)
    {
        AssertContiguous(InterviewScript.TechnicalPlan(minutes, InterviewLevel.Mid, out var questions), minutes);
        AssertContiguous(InterviewScript.DesignPlan(minutes), minutes);
        AssertContiguous(InterviewScript.BehaviouralPlan(minutes, out var stories), minutes);
        Assert.True(questions >= 2);
        Assert.True(stories >= 1);
    }

    [Fact]
    public void Senior_interviews_ask_fewer_deeper_questions()
    {
        InterviewScript.TechnicalPlan(60, InterviewLevel.Junior, out var junior);
        InterviewScript.TechnicalPlan(60, InterviewLevel.Senior, out var senior);

        Assert.True(senior < junior);
    }

    [Fact]
    public void The_design_plan_keeps_the_frameworks_nine_steps_in_order()
    {
        var plan = InterviewScript.DesignPlan(45);

        var steps = Regex.Matches(plan, @"\| (\d)\. ").Select(m => m.Groups[1].Value);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"], steps);
    }

    [Theory]
    [InlineData("senior", "senior")]
    [InlineData("Advanced", "senior")]
    [InlineData(" principal ", "staff")]
    [InlineData(null, "mid")]
    public void Levels_accept_seniority_and_note_levels(string? text, string expected) =>
        Assert.Equal(expected, InterviewLevels.Parse(text).Name());

    [Theory]
    [InlineData("system design", "system_design")]
    [InlineData("system-design", "system_design")]
    [InlineData("behavioral", "behavioural")]
    [InlineData("", "technical")]
    public void Styles_accept_common_spellings(string text, string expected) =>
        Assert.Equal(expected, InterviewStyles.Parse(text).Name());

    private static void AssertContiguous(string table, int minutes)
    {
        var rows = RowRange().Matches(table).Select(m => (Start: int.Parse(m.Groups[1].Value), End: int.Parse(m.Groups[2].Value))).ToList();
        Assert.Equal(0, rows[0].Start);
        Assert.Equal(minutes, rows[^1].End);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.Equal(rows[i - 1].End, rows[i].Start);
            Assert.True(rows[i].End >= rows[i].Start);
        }
    }

    [GeneratedRegex(@"^\| (\d+)-(\d+) \|", RegexOptions.Multiline)]
    private static partial Regex RowRange();
}
