using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Quiz;

/// <summary>The local grader on the real corpus cards: strong answers must rate well above weak ones, and it never claims more than it knows.</summary>
public class KeyPointGraderTests
{
    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);
    private static readonly KeyPointGrader Grader = KeyPointGrader.For(Corpus);

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
    public void Stating_the_key_points_covers_them_all_but_word_matching_never_gives_easy()
    {
        Assert.All(Corpus.Cards, card =>
        {
            var grade = Grader.Grade(card, string.Join(" ", card.KeyPoints.Select(p => p.TrimEnd('.') + ".")));
            Assert.True(grade.Score == 1.0, $"{card.Id}: {Describe(grade)}");
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
    public void Half_the_key_points_rate_hard_and_missed_points_earn_nothing()
    {
        var cards = Corpus.Cards.Where(c => c.KeyPoints.Count == 4).Take(60).ToList();
        var grades = cards.Select(card => (Card: card, Grade: Grader.Grade(card, string.Join(" ", card.KeyPoints.Take(2).Select(p => p.TrimEnd('.') + "."))))).ToList();

        Assert.All(grades, g =>
        {
            var verdict = g.Grade.Verdict!;
            Assert.Equal(Math.Round(verdict.Coverage, 2), g.Grade.Score);
            Assert.True(verdict.KeyPoints.Take(2).All(k => k.Status == KeyPointStatus.Covered), $"{g.Card.Id}: {Describe(g.Grade)}");
            Assert.Contains(g.Grade.Missed[^1].TrimEnd('.'), g.Grade.Feedback, StringComparison.Ordinal);
        });
        var hard = grades.Count(g => g.Grade.Rating == Rating.Hard);
        Assert.True(hard >= 0.9 * grades.Count, string.Join('\n', grades.Where(g => g.Grade.Rating != Rating.Hard).Select(g => $"{g.Card.Id}: {Describe(g.Grade)}")));
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

    [Fact]
    public void Paraphrases_from_the_glossary_and_the_domain_table_count()
    {
        var card = Corpus.FindCard("agent-guardrails/what-is-the-lethal-trifecta-and-how-do-you-break-it")!;
        var answer = "An agent that can read sensitive information, sees attacker-controlled input and can send things out.";

        var grade = Grader.Grade(card, answer);
        var bare = new KeyPointGrader(AliasMap.Empty).Grade(card, answer);

        Assert.Equal(KeyPointStatus.Covered, grade.Verdict!.KeyPoints[0].Status);
        Assert.Contains("sensitive information", grade.Verdict.KeyPoints[0].Evidence, StringComparison.Ordinal);
        Assert.NotEqual(KeyPointStatus.Covered, bare.Verdict!.KeyPoints[0].Status);
        Assert.Contains(TextTerms.Stem("weights"), new AliasMap(Corpus.Notes).Keys("parameters").Concat(new AliasMap(Corpus.Notes).Keys("weights")));
    }

    [Theory]
    [InlineData("Fusion does not raise recall; it only cuts latency.", "negated")]
    [InlineData("BM25 matches meaning and paraphrase, while dense retrieval finds exact terms such as codes and names.", "said of")]
    public void A_negated_or_swapped_statement_contradicts_the_point_and_rates_again(string answer, string reason)
    {
        var card = new QuizCard(
            "x/why-hybrid", "x", "Why combine BM25 with dense retrieval?", "",
            ["BM25 finds exact terms such as codes and names.", "Dense retrieval matches meaning and paraphrase.", "Fusion raises recall."], 1);

        var grade = Grader.Grade(card, answer);

        Assert.Equal(Rating.Again, grade.Rating);
        Assert.Contains(grade.Verdict!.KeyPoints, k => k.Status == KeyPointStatus.Contradicted && k.Evidence!.Contains(reason, StringComparison.Ordinal));
        Assert.Contains("seems to say otherwise", grade.Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_words_said_the_right_way_round_are_covered()
    {
        var card = new QuizCard(
            "x/why-hybrid", "x", "Why combine BM25 with dense retrieval?", "",
            ["BM25 finds exact terms such as codes and names.", "Dense retrieval matches meaning and paraphrase.", "Fusion raises recall."], 1);

        var grade = Grader.Grade(card, "BM25 finds exact terms like codes and names, while dense retrieval matches meaning and paraphrase. Fusing the two raises recall.");

        Assert.All(grade.Verdict!.KeyPoints, k => Assert.Equal(KeyPointStatus.Covered, k.Status));
        Assert.Equal(Rating.Good, grade.Rating);
        Assert.Equal("high", grade.ConfidenceLevel);
    }

    [Fact]
    public void A_flipped_direction_contradicts_the_point()
    {
        var card = new QuizCard("x/kd", "x", "What is knowledge distillation for?", "", ["A student model imitates a teacher.", "Goal: most of the quality at much lower inference cost."], 1);

        var grade = Grader.Grade(card, "A student model imitates a teacher model, and it usually increases inference cost.");

        Assert.Equal(KeyPointStatus.Contradicted, grade.Verdict!.KeyPoints[1].Status);
        Assert.Contains("increases", grade.Verdict.KeyPoints[1].Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("You only need to return a result for the first call id.", 0, "only need to return a result for the first")]
    [InlineData("Disable parallel calls when the calls are independent of each other and side effects need ordering.", 1, "independent")]
    [InlineData("Turn it off when calls need a fixed order, although the ordering of side effects doesn't matter.", 1, "negated")]
    public void A_narrowed_scope_an_opposite_or_a_dismissal_contradicts_the_point(string answer, int point, string reason)
    {
        var card = new QuizCard(
            "x/parallel", "x", "What are parallel tool calls?", "",
            ["Return a result for every call id.", "Disable when calls depend on each other or side effects need ordering."], 1);

        var grade = Grader.Grade(card, answer);

        var verdict = grade.Verdict!.KeyPoints[point];
        Assert.True(verdict.Status == KeyPointStatus.Contradicted, $"{verdict.Status}: {verdict.Evidence}");
        Assert.Contains(reason, verdict.Evidence, StringComparison.Ordinal);
        Assert.NotEqual(Rating.Good, grade.Rating);
    }

    [Fact]
    public void The_same_points_said_with_their_scope_and_direction_are_covered()
    {
        var card = new QuizCard(
            "x/parallel", "x", "What are parallel tool calls?", "",
            ["Return a result for every call id.", "Disable when calls depend on each other or side effects need ordering."], 1);

        var grade = Grader.Grade(card, "You return a result for every call id. Disable them when calls depend on each other, or when the ordering of side effects matters.");

        Assert.All(grade.Verdict!.KeyPoints, k => Assert.Equal(KeyPointStatus.Covered, k.Status));
        Assert.Equal(Rating.Good, grade.Rating);
    }

    [Fact]
    public void Every_grade_carries_a_verdict_evidence_and_a_confidence()
    {
        var card = Corpus.FindCard("hybrid-search/why-combine-bm25-with-dense-retrieval-instead-of-using-embeddings-alone")!;

        var grade = Grader.Grade(card, card.Answer);

        Assert.Equal(KeyPointGrader.Name, grade.Grader);
        Assert.Equal(card.KeyPoints, grade.Verdict!.KeyPoints.Select(k => k.KeyPoint));
        Assert.All(grade.Verdict.KeyPoints.Where(k => k.Status != KeyPointStatus.Missed), k => Assert.StartsWith("matched: ", k.Evidence, StringComparison.Ordinal));
        Assert.InRange(grade.Confidence!.Value, 0, 1);
        Assert.Matches("^(low|medium|high)$", grade.ConfidenceLevel);
        Assert.Equal(grade.Verdict.ToRating(allowEasy: false), grade.Rating);
        Assert.Equal(Math.Round(grade.Verdict.Coverage, 2), grade.Score);
    }

    [Fact]
    public void Sweeping_claims_lower_the_confidence()
    {
        var card = new QuizCard("x/why-hybrid", "x", "Why combine BM25 with dense retrieval?", "", ["BM25 finds exact terms such as codes and names.", "Fusion raises recall."], 1);

        var plain = Grader.Grade(card, "BM25 finds exact terms such as codes and names. Fusion raises recall.");
        var sweeping = Grader.Grade(card, "BM25 always finds every exact term such as codes and names. Fusion raises recall.");

        Assert.True(sweeping.Confidence < plain.Confidence, $"{sweeping.Confidence} vs {plain.Confidence}");
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
        Assert.Equal(expected, AcronymDefinitions.Stands(acronym, phrase));
    }

    [Fact]
    public void Topic_aliases_do_not_lend_each_other_coverage()
    {
        // The hybrid-search note lists BM25, RRF and MMR as aliases: saying "BM25" must not cover a point about RRF.
        var aliases = new AliasMap(Corpus.Notes);
        var bm25 = aliases.Keys("BM25");

        Assert.DoesNotContain(aliases.Terms("reciprocal rank fusion"), t => t.Meets(bm25));
        Assert.DoesNotContain(aliases.Terms("RRF"), t => t.Meets(bm25));
        Assert.Contains(aliases.Terms("reciprocal rank fusion"), t => t.Meets(aliases.Keys("RRF")));
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
            var body = Grader.MentionKeys(quiz < 0 ? note.Body : note.Body[..quiz]);
            foreach (var card in note.Cards)
            {
                uncovered.AddRange(card.KeyPoints.Where(point => !Grader.Mentions(point, body)).Select(point => $"{card.Id}: {point}"));
            }
        }

        var points = Corpus.Cards.Sum(c => c.KeyPoints.Count);
        Assert.True(uncovered.Count == 0, $"{uncovered.Count} of {points} key points are not found in their note's body:\n{string.Join('\n', uncovered)}");
    }

    [Fact]
    public void A_key_point_a_body_does_not_teach_is_not_mentioned()
    {
        var note = Corpus.FindById("hybrid-search")!;

        Assert.True(Grader.Mentions("BM25 finds exact terms: numbers, codes, names, acronyms.", note.Body));
        Assert.False(Grader.Mentions("Photosynthesis converts sunlight into chemical energy in chloroplasts.", note.Body));
    }

    private static string Describe(Grade grade) =>
        $"{grade.Score} {grade.Rating}: " + string.Join("; ", grade.Verdict?.KeyPoints.Select(k => $"{k.Status} '{k.KeyPoint}' [{k.Evidence}]") ?? []);
}
