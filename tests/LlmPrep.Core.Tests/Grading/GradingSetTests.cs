using LlmPrep.Core.Corpus;
using LlmPrep.Core.Grading;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Grading;

/// <summary>The grading sets in the repository, and the local grader measured against them.</summary>
public class GradingSetTests
{
    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "grading-set");
    private static readonly GradingSet Main = GradingSet.Load(Path.Combine(Folder, "grading-set.json"));
    private static readonly GradingSet HeldOut = GradingSet.Load(Path.Combine(Folder, "held-out.json"));

    private static Task<GradingResult> RunLocal(GradingSet set)
    {
        var grader = KeyPointGrader.For(Corpus);
        return GradingBench.RunAsync(set, Corpus, KeyPointGrader.Name, (card, answer, _) => ValueTask.FromResult(grader.Grade(card, answer)));
    }

    [Fact]
    public void The_main_set_has_thirty_must_know_cards_from_every_section_with_four_kinds_of_answer()
    {
        Assert.Equal("main", Main.Name);
        Assert.True(Main.Cards.Count >= 30, $"{Main.Cards.Count} cards");
        var notes = Main.Cards.Select(c => Corpus.FindCard(c.Card)).Select(c => Corpus.FindById(c!.NoteId)!).ToList();
        Assert.All(notes, n => Assert.Equal(NotePriority.Must, n.Priority));
        Assert.Equal(
            Corpus.Sections.Where(s => !s.StartsWith("00", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            notes.Select(n => n.Section).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Main.Cards, c => Assert.Equal(GradingSet.Kinds, c.Answers.Select(a => a.Kind)));
        Assert.All(Main.Answers, a => Assert.Equal(a.Answer.Kind switch { "correct" => Rating.Good, "half" => Rating.Hard, _ => Rating.Again }, a.Answer.Expected));
    }

    [Fact]
    public void The_held_out_set_is_separate_and_complete()
    {
        Assert.True(HeldOut.Cards.Count >= 10, $"{HeldOut.Cards.Count} cards");
        Assert.Empty(HeldOut.Cards.Select(c => c.Card).Intersect(Main.Cards.Select(c => c.Card)));
        Assert.All(HeldOut.Cards, c => Assert.Equal(GradingSet.Kinds, c.Answers.Select(a => a.Kind)));
        Assert.All(HeldOut.Cards, c => Assert.NotNull(Corpus.FindCard(c.Card)));
    }

    [Fact]
    public async Task The_local_grader_meets_its_targets_on_the_main_set()
    {
        var result = await RunLocal(Main);
        var kinds = result.PerKind.ToDictionary(k => k.Kind);
        string Report() => string.Join("\n", result.Items.Where(i => !i.Agrees).Select(i => $"{i.Kind} {i.CardId}: {i.Grade.Rating} ({i.Grade.ConfidenceLevel})"));

        Assert.True(kinds["correct"].Share >= 0.8, $"correct {kinds["correct"].Share:P0}\n{Report()}");
        Assert.True(kinds["half"].Share >= 0.8, $"half {kinds["half"].Share:P0}\n{Report()}");
        Assert.True(kinds["filler"].Share == 1.0, $"filler {kinds["filler"].Share:P0}\n{Report()}");
        Assert.Equal(0, result.ConfidentlyPassedWrong);
        Assert.True(GradingTargets.Met(result));
        Assert.DoesNotContain(result.Items, i => i.Grade.Rating == Rating.Easy);
    }

    [Fact]
    public async Task The_held_out_set_runs_through_the_same_bench()
    {
        var result = await RunLocal(HeldOut);

        Assert.Equal(HeldOut.Cards.Count * 4, result.Items.Count);
        Assert.All(result.Items, i => Assert.NotNull(i.Grade.Confidence));
        Assert.Equal(GradingSet.Kinds, result.PerKind.Select(k => k.Kind));
    }

    [Fact]
    public async Task A_set_naming_a_card_the_corpus_lacks_is_refused()
    {
        var set = Main with { Cards = [new GradingCard("no-such-note/no-such-card", Main.Cards[0].Answers)] };

        var error = await Assert.ThrowsAsync<GradingSetException>(() => RunLocal(set));
        Assert.Contains("no-such-note/no-such-card", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"name":"x","cards":[]}""")]
    [InlineData("""{"name":"x","cards":[{"card":"a/b","answers":[{"kind":"great","rating":"good","text":"t"}]}]}""")]
    [InlineData("""{"name":"x","cards":[{"card":"a/b","answers":[{"kind":"half","rating":"superb","text":"t"}]}]}""")]
    public void A_malformed_set_is_a_clear_error(string json)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("grading-set-").FullName, "set.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<GradingSetException>(() => GradingSet.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Rating.Good, Rating.Easy, true)]
    [InlineData(Rating.Easy, Rating.Good, true)]
    [InlineData(Rating.Hard, Rating.Hard, true)]
    [InlineData(Rating.Hard, Rating.Good, false)]
    [InlineData(Rating.Again, Rating.Hard, false)]
    public void Good_and_easy_agree_with_each_other_and_nothing_else_does(Rating expected, Rating got, bool agrees)
    {
        Assert.Equal(agrees, GradingBench.Agrees(expected, got));
    }
}
