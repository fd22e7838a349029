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
    public void Has_no_lint_warnings()
    {
        var warnings = Corpus.Problems.Where(p => p.Severity == ProblemSeverity.Warning).Select(p => p.ToString()).ToList();

        Assert.True(warnings.Count == 0, string.Join('\n', warnings));
    }

    [Fact]
    public void Reaches_the_promised_coverage()
    {
        string[] sections =
        [
            "00-study-plan", "01-foundations", "02-prompt-engineering", "03-rag-and-embeddings", "04-agents-and-tool-use",
            "05-fine-tuning-and-alignment", "06-production", "07-evaluation-and-safety", "08-python-for-genai", "09-interview-prep",
        ];

        Assert.Equal(sections, Corpus.Sections);
        Assert.True(Corpus.Notes.Count >= 100, $"{Corpus.Notes.Count} notes; at least 100 are promised");
        Assert.True(Corpus.Cards.Count() >= 800, $"{Corpus.Cards.Count()} cards; at least 800 are promised");
        Assert.All(Corpus.Notes.Where(n => n.Section != "00-study-plan"), n => Assert.True(n.Cards.Count >= NoteParser.MinCards, n.Id));
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
