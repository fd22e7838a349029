using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>The study order, kept beside the id lookup, reads as the dictionary of places it stands for.</summary>
public sealed class StudyOrderTableTests
{
    [Fact]
    public void The_plan_links_come_first_then_path_order_and_the_plan_folder_last()
    {
        Note[] notes =
        [
            Make("a-one", "a"),
            Make("a-two", "a"),
            Make("b-one", "b"),
            Make(CorpusSnapshot.StudyPlanId, "plan", new NoteLink("b-one", null, 3), new NoteLink("A-TWO", null, 4), new NoteLink("missing", null, 5), new NoteLink("plan-check", null, 6)),
            Make("plan-check", "plan"),
        ];

        var order = new CorpusSnapshot(notes, [], []).StudyOrder;

        Assert.Equal(["b-one", "a-two", "a-one", CorpusSnapshot.StudyPlanId, "plan-check"], order.Keys);
        Assert.Equal([0, 1, 2, 3, 4], order.Values);
        Assert.Equal(order.Keys.Zip(order.Values, KeyValuePair.Create), order);
        Assert.Equal(5, order.Count);
        Assert.Equal(1, order["A-Two"]);
        Assert.True(order.ContainsKey("PLAN-CHECK"));
        Assert.False(order.TryGetValue("missing", out _));
        Assert.Equal(int.MaxValue, order.GetValueOrDefault("missing", int.MaxValue));
        Assert.Throws<KeyNotFoundException>(() => order["missing"]);
    }

    [Fact]
    public void Without_a_plan_the_order_is_the_notes_order()
    {
        var order = new CorpusSnapshot([Make("z", "b"), Make("y", ""), Make("x", "a")], [], []).StudyOrder;

        Assert.Equal(["z", "y", "x"], order.Keys);
        Assert.Equal(2, order["x"]);
    }

    [Fact]
    public void A_quiz_scope_takes_the_notes_in_study_order_and_a_filter_keeps_that_order()
    {
        Note[] notes =
        [
            Make("a-one", "a") with { Level = NoteLevel.Advanced },
            Make("a-two", "a"),
            Make("b-one", "b") with { Level = NoteLevel.Advanced },
            Make("b-two", "b"),
            Make(CorpusSnapshot.StudyPlanId, "plan", new NoteLink("b-two", null, 3), new NoteLink("a-two", null, 4), new NoteLink("b-one", null, 5)),
        ];
        var corpus = new CorpusSnapshot(notes, [], []);

        var all = QuizScope.All.Select(corpus);

        Assert.Equal(["b-two", "a-two", "b-one", "a-one", CorpusSnapshot.StudyPlanId], all.Select(n => n.Id));
        Assert.Equal(all, corpus.NotesInStudyOrder);
        Assert.Equal(5, corpus.NotesInStudyOrder.Count);
        Assert.Equal("b-one", corpus.NotesInStudyOrder[2].Id);
        Assert.Equal(["b-one", "a-one"], new QuizScope(Level: "advanced").Select(corpus).Select(n => n.Id));
        Assert.Equal(["b-two", "b-one"], new QuizScope(Section: "b").Select(corpus).Select(n => n.Id));
    }

    private static Note Make(string id, string section, params NoteLink[] links) =>
        new() { Id = id, Title = id, Section = section, Path = section.Length == 0 ? id : $"{section}/{id}", Links = links };
}
