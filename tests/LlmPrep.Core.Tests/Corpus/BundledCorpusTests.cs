using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>The corpus that ships with the product must lint clean: a broken note fails the build.</summary>
public class BundledCorpusTests
{
    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);

    [Fact]
    public void Has_no_lint_errors()
    {
        var errors = Corpus.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()).ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [Fact]
    public void Every_note_links_somewhere_and_has_a_summary()
    {
        Assert.All(Corpus.Notes, n =>
        {
            Assert.False(string.IsNullOrWhiteSpace(n.Summary), n.Path);
            Assert.NotEmpty(n.Links);
        });
    }

    [Fact]
    public void Every_card_has_an_answer_and_key_points()
    {
        Assert.All(Corpus.Cards, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Answer), c.Id);
            Assert.InRange(c.KeyPoints.Count, NoteParser.MinKeyPoints, NoteParser.MaxKeyPoints);
        });
    }

    [Fact]
    public void Card_ids_are_unique()
    {
        var ids = Corpus.Cards.Select(c => c.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
