using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Quiz;

/// <summary>The deterministic grader on the real corpus cards: strong answers must rate well above weak ones.</summary>
public class KeyPointGraderTests
{
    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);
    private static readonly KeyPointGrader Grader = new(new AliasMap(Corpus.Notes));

    public static TheoryData<string> WeakAnswers =>
    [
        "",
        "I don't know.",
        "yes",
        "It depends.",
        "The French Revolution began in 1789 with the storming of the Bastille in Paris.",
        "Bake the bread at two hundred degrees until the crust turns golden brown.",
    ];

    [Theory]
    [MemberData(nameof(WeakAnswers))]
    public void Empty_one_word_and_off_topic_answers_rate_again_on_every_card(string answer)
    {
        Assert.NotEmpty(Corpus.Cards);
        Assert.All(Corpus.Cards, card =>
        {
            var grade = Grader.Grade(card, answer);
            Assert.True(grade.Rating == Rating.Again, $"{card.Id}: '{answer}' rated {grade.Rating} ({grade.Score})");
            Assert.True(grade.Score <= 0.2, $"{card.Id}: '{answer}' scored {grade.Score}");
        });
    }

    [Fact]
    public void Stating_the_key_points_covers_them_all()
    {
        Assert.All(Corpus.Cards, card =>
        {
            var grade = Grader.Grade(card, string.Join(" ", card.KeyPoints));
            Assert.Equal(1.0, grade.Score);
            Assert.Equal(Rating.Good, grade.Rating);
            Assert.Empty(grade.Missed);
        });
    }

    [Fact]
    public void The_reference_answer_rates_well_above_weak_answers()
    {
        var scores = Corpus.Cards.Select(card => (Card: card, Grade: Grader.Grade(card, card.Answer))).ToList();

        Assert.True(scores.Average(s => s.Grade.Score) >= 0.75, $"mean reference score {scores.Average(s => s.Grade.Score):F2}");
        var passing = scores.Count(s => s.Grade.Rating != Rating.Again) / (double)scores.Count;
        Assert.True(passing >= 0.95, $"only {passing:P0} of reference answers pass");
    }

    [Fact]
    public void Half_an_answer_gets_partial_credit_and_names_what_is_missing()
    {
        var card = Corpus.Cards.First(c => c.KeyPoints.Count >= 4);
        var half = string.Join(" ", card.KeyPoints.Take(card.KeyPoints.Count / 2));

        var grade = Grader.Grade(card, half);

        Assert.InRange(grade.Score, 0.4, 0.85);
        Assert.NotEmpty(grade.Missed);
        Assert.Contains(grade.Missed[0].TrimEnd('.'), grade.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_counts_for_the_name_it_stands_for()
    {
        var card = new QuizCard("x/rrf", "x", "How do you merge ranked lists?", "Use RRF.", ["Reciprocal rank fusion merges the lists."], 1);
        var aliases = new AliasMap([new Note { Id = "x", Title = "Reciprocal rank fusion", Aliases = ["RRF"], Path = "x", Section = "", Body = "" }]);

        var withAlias = new KeyPointGrader(aliases).Grade(card, "I would merge the lists with RRF.");
        var without = new KeyPointGrader(AliasMap.Empty).Grade(card, "I would merge the lists with RRF.");

        Assert.True(withAlias.Score > without.Score);
        Assert.Empty(withAlias.Missed);
    }

    [Theory]
    [InlineData("RRF", "reciprocal rank fusion", true)]
    [InlineData("LoRA", "low-rank adaptation", true)]
    [InlineData("MoE", "mixture of experts", true)]
    [InlineData("HyDE", "hypothetical document embeddings", true)]
    [InlineData("TTFT", "time to first token", true)]
    [InlineData("BM25", "reciprocal rank fusion", false)]
    [InlineData("RRF", "hybrid retrieval", false)]
    [InlineData("rag", "retrieval augmented generation", false)]
    public void Acronyms_pair_only_with_the_phrase_they_stand_for(string acronym, string phrase, bool expected)
    {
        Assert.Equal(expected, AliasMap.Stands(acronym, phrase));
    }

    [Fact]
    public void Topic_aliases_do_not_lend_each_other_coverage()
    {
        // The hybrid-search note lists BM25, RRF and MMR as aliases: saying "BM25" must not cover a point about RRF.
        var aliases = new AliasMap(Corpus.Notes);
        var expanded = aliases.Expand(TextTerms.Of("BM25"));

        Assert.DoesNotContain(TextTerms.Stem("fusion"), expanded);
        Assert.DoesNotContain("rrf", expanded);
        Assert.Contains(TextTerms.Stem("fusion"), aliases.Expand(TextTerms.Of("RRF")));
        Assert.True(aliases.Count > 30, $"{aliases.Count} acronym pairs");
    }

    [Theory]
    [InlineData("retrieval", "retrieves")]
    [InlineData("caching", "cache")]
    [InlineData("embeddings", "embed")]
    [InlineData("normalization", "normalize")]
    [InlineData("losses", "loss")]
    [InlineData("queries", "query")]
    public void Stemming_brings_word_forms_together(string a, string b)
    {
        Assert.Equal(TextTerms.Stem(a), TextTerms.Stem(b));
    }

    [Fact]
    public void Every_key_point_is_taught_in_the_body_of_its_note()
    {
        var uncovered = new List<string>();
        foreach (var note in Corpus.Notes)
        {
            var quiz = note.Body.IndexOf("\n## Quiz", StringComparison.Ordinal);
            var body = quiz < 0 ? note.Body : note.Body[..quiz];
            foreach (var card in note.Cards)
            {
                uncovered.AddRange(Grader.Grade(card, body).Missed.Select(point => $"{card.Id}: {point}"));
            }
        }

        var points = Corpus.Cards.Sum(c => c.KeyPoints.Count);
        Assert.True(uncovered.Count == 0, $"{uncovered.Count} of {points} key points are not found in their note's body:\n{string.Join('\n', uncovered)}");
    }
}
