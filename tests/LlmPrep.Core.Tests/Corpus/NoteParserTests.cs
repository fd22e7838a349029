using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

public class NoteParserTests
{
    private const string Sample = """
        ---
        id: rag-hybrid-search
        title: Hybrid search and reciprocal rank fusion
        section: 03-rag-and-embeddings
        level: intermediate
        priority: must
        minutes: 20
        tags: [retrieval, bm25, rrf]
        aliases: [RRF, "hybrid retrieval"]
        summary: "Why and how to fuse BM25 with dense retrieval."
        ---

        # Hybrid search and reciprocal rank fusion

        Lead paragraph, see [[rag-overview]].

        ## Intuition

        Dense retrieval blurs exact tokens; see [[bm25#Scoring|the formula]].

        ```python
        x = [[1, 2]]  # not a link
        ```

        ### A detail

        Detail text.

        ## Quiz

        ### Why combine BM25 with dense retrieval?

        Because each misses what the other finds.

        Key points:
        - Dense matches paraphrase.
        - BM25 matches exact terms,
          such as codes.

        ### What is k in RRF?

        A constant, usually 60.

        Key points:
        - k dampens the top ranks.
        - 60 is the usual value.
        """;

    [Fact]
    public void Reads_front_matter_fields()
    {
        var problems = new List<CorpusProblem>();
        var note = NoteParser.Parse("03-rag-and-embeddings/rag-hybrid-search.md", Sample, problems);

        Assert.Equal("rag-hybrid-search", note.Id);
        Assert.Equal("Hybrid search and reciprocal rank fusion", note.Title);
        Assert.Equal(NoteLevel.Intermediate, note.Level);
        Assert.Equal(NotePriority.Must, note.Priority);
        Assert.Equal(20, note.Minutes);
        Assert.Equal(["retrieval", "bm25", "rrf"], note.Tags);
        Assert.Equal(["RRF", "hybrid retrieval"], note.Aliases);
        Assert.Equal("Why and how to fuse BM25 with dense retrieval.", note.Summary);
        Assert.Equal("03-rag-and-embeddings/rag-hybrid-search", note.Path);
        Assert.True(note.HasFrontMatter);
    }

    [Fact]
    public void Splits_headings_into_sections_with_anchors_and_lines()
    {
        var note = NoteParser.Parse("03-rag-and-embeddings/rag-hybrid-search.md", Sample, []);

        var anchors = note.Sections.Select(s => s.Anchor).ToList();
        Assert.Equal(["", "intuition", "a-detail", "quiz", "why-combine-bm25-with-dense-retrieval", "what-is-k-in-rrf"], anchors);
        var intuition = note.FindSection("intuition")!;
        Assert.Equal(17, intuition.Line);
        Assert.Contains("### A detail", intuition.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Detail text", intuition.OwnText, StringComparison.Ordinal);
        Assert.Contains("Lead paragraph", note.Sections[0].OwnText, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_quiz_cards_with_key_points()
    {
        var problems = new List<CorpusProblem>();
        var note = NoteParser.Parse("03-rag-and-embeddings/rag-hybrid-search.md", Sample, problems);

        Assert.Equal(2, note.Cards.Count);
        var card = note.Cards[0];
        Assert.Equal("rag-hybrid-search/why-combine-bm25-with-dense-retrieval", card.Id);
        Assert.Equal("Why combine BM25 with dense retrieval?", card.Question);
        Assert.Equal("Because each misses what the other finds.", card.Answer);
        Assert.Equal(["Dense matches paraphrase.", "BM25 matches exact terms, such as codes."], card.KeyPoints);
        Assert.Equal(31, card.Line);
        // Only two cards: the five-card minimum is reported, with the line of the quiz heading.
        Assert.Contains(problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("at least 5", StringComparison.Ordinal) && p.Line == 29);
    }

    [Fact]
    public void Finds_links_outside_code_with_their_lines()
    {
        var note = NoteParser.Parse("03-rag-and-embeddings/rag-hybrid-search.md", Sample, []);

        Assert.Equal(2, note.Links.Count);
        Assert.Equal(new NoteLink("rag-overview", null, 15), note.Links[0]);
        Assert.Equal(new NoteLink("bm25", "Scoring", 19), note.Links[1]);
    }

    [Fact]
    public void Reports_bad_front_matter_with_lines_and_keeps_the_note()
    {
        var text = """
            ---
            id: Bad Id
            title: Broken
            section: 01-foundations
            level: guru
            priority: must
            minutes: soon
            this line is not yaml
            summary: "unclosed
            ---

            # Broken

            Body.
            """;
        var problems = new List<CorpusProblem>();
        var note = NoteParser.Parse("01-foundations/broken.md", text, problems);

        Assert.Equal("Broken", note.Title);
        Assert.Contains(problems, p => p.Line == 2 && p.Message.Contains("kebab-case", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 5 && p.Message.Contains("level 'guru'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 7 && p.Message.Contains("minutes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 8 && p.Message.Contains("not 'key: value'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 9 && p.Message.Contains("unclosed quote", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("no '## Quiz'", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Equal("01-foundations/broken.md", p.File));
    }

    [Fact]
    public void Unclosed_front_matter_is_an_error_not_a_crash()
    {
        var problems = new List<CorpusProblem>();
        var note = NoteParser.Parse("x/never-closed.md", "---\nid: x\n# Title\n", problems);

        Assert.Contains(problems, p => p.Line == 1 && p.Message.Contains("never closed", StringComparison.Ordinal));
        Assert.Equal("Title", note.Title);
    }

    [Fact]
    public void Card_without_key_points_is_reported_and_skipped()
    {
        var text = Notes.Valid("01-foundations", "x", "X", "Body.").Replace("Key points:\n- First point 3.\n- Second point 3.", "No list here.", StringComparison.Ordinal);
        var problems = new List<CorpusProblem>();
        var note = NoteParser.Parse("01-foundations/x.md", text, problems);

        Assert.Equal(4, note.Cards.Count);
        Assert.Contains(problems, p => p.Message.Contains("no 'Key points:'", StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_note_has_no_problems()
    {
        var problems = new List<CorpusProblem>();
        var note = NoteParser.Parse("01-foundations/x.md", Notes.Valid("01-foundations", "x", "X", "Body text."), problems);

        Assert.Equal(5, note.Cards.Count);
        var warning = Assert.Single(problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Contains("notes should have 600 to 2500", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vault_note_without_front_matter_gets_title_tags_and_spaced_repetition_cards()
    {
        var text = """
            # Attention notes

            Scaled dot product #transformers and #ml/basics here.

            What divides the scores::the square root of d_k
            Capital of attention:::softmax weights

            What does the KV cache store?
            ?
            Keys and values of past tokens.
            It grows linearly with length.

            ```
            not::a card
            ```
            """;
        var problems = new List<CorpusProblem>();
        var note = NoteParser.Parse("Study/Attention notes.md", text, problems);

        Assert.Empty(problems);
        Assert.False(note.HasFrontMatter);
        Assert.Equal("Attention notes", note.Title);
        Assert.Equal("study-attention-notes", note.Id);
        Assert.Equal(["transformers", "ml/basics"], note.Tags);
        var questions = note.Cards.Select(c => c.Question).ToList();
        Assert.Equal(["What divides the scores", "Capital of attention", "softmax weights", "What does the KV cache store?"], questions);
        Assert.Equal(["Keys and values of past tokens.", "It grows linearly with length."], note.Cards[3].KeyPoints);
    }
}
