using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Prompts;

namespace LlmPrep.Server.Tests.Prompts;

public sealed class StudyPlannerTests
{
    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RealCorpus.Path)]);

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(3, 3.0)]
    [InlineData(5, 0.5)]
    public void Each_day_stays_within_its_hours_unless_one_note_is_longer(int days, double hours)
    {
        var plan = StudyPlanner.Build(Corpus, days, hours, [], null);

        Assert.Equal(days, plan.Days.Count);
        Assert.All(plan.Days, day =>
            Assert.True(day.Items.Sum(i => i.Minutes) <= hours * 60 || day.Items.Count(i => i.Note is not null) == 1, $"day {day.Number} is over"));
    }

    [Fact]
    public void Everything_fits_in_enough_time_in_study_order()
    {
        var plan = StudyPlanner.Build(Corpus, 12, 6, [], null);

        Assert.Empty(plan.Left);
        var studied = plan.Days.SelectMany(d => d.Items).Select(i => i.Note).OfType<Note>().ToList();
        Assert.Equal(StudyPlanner.StudyOrder(Corpus), studied);
        Assert.Equal("transformers-attention", studied[0].Id);
        Assert.DoesNotContain(studied, n => n.Section == "00-study-plan");
    }

    [Fact]
    public void Short_time_keeps_must_know_notes_and_leaves_out_the_rest()
    {
        var plan = StudyPlanner.Build(Corpus, 2, 2, [], null);

        var studied = plan.Days.SelectMany(d => d.Items).Select(i => i.Note).OfType<Note>().ToList();
        Assert.All(studied, n => Assert.Equal(NotePriority.Must, n.Priority));
        Assert.Contains(plan.Left, n => n.Priority == NotePriority.Nice);
        Assert.Contains("Not in this plan", plan.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_focus_comes_first()
    {
        var focus = new QuizScope(Topic: "agents").Select(Corpus);

        var plan = StudyPlanner.Build(Corpus, 1, 2, focus, null);

        Assert.Contains(plan.Days[0].Items.First(i => i.Note is not null).Note, focus);
    }

    [Fact]
    public void With_progress_the_weakest_section_comes_first_and_each_day_opens_with_reviews()
    {
        var sections = Corpus.Sections.Select(s => new SectionReadiness(s, s, s.StartsWith("05", StringComparison.Ordinal) ? 5 : 60, 10, 10, 0)).ToList();
        var report = new ProgressReport(50, sections, [], 3, 3, 0, 100, 100, 200, 0, 4, null);

        var plan = StudyPlanner.Build(Corpus, 2, 3, [], report);

        Assert.StartsWith("05-", plan.Days[0].Items.First(i => i.Note is not null).Note!.Section, StringComparison.Ordinal);
        Assert.All(plan.Days, d => Assert.Null(d.Items[0].Note));
        Assert.True(plan.WeakestFirst);
    }
}
