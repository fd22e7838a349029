using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>Flashcards in the Obsidian Spaced Repetition plugin's syntax, read from a vault note.</summary>
public sealed class SpacedRepetitionCardsTests
{
    private static Note Parse(string text, List<CorpusProblem>? problems = null) =>
        NoteParser.Parse("Vault/Cards.md", text, problems ?? []);

    [Fact]
    public void Multi_line_card_does_not_swallow_single_line_cards_above_it()
    {
        var note = Parse("""
            # Cards

            What is RAG::Retrieval-augmented generation
            What is RRF:::Reciprocal rank fusion
            What does the KV cache store?
            ?
            Keys and values of past tokens.
            """);

        Assert.Equal(
            ["What is RAG", "What is RRF", "Reciprocal rank fusion", "What does the KV cache store?"],
            note.Cards.Select(c => c.Question));
        Assert.Equal("Keys and values of past tokens.", note.Cards[3].Answer);
        Assert.Equal(5, note.Cards[3].Line);
    }

    [Fact]
    public void Multi_line_card_ends_at_a_blank_line_or_the_next_card()
    {
        var note = Parse("""
            First question
            spans two lines
            ?
            First answer
            Batching::Grouping requests
            Second question
            ??
            Second answer

            Not part of any card.
            """);

        Assert.Equal(["First question\nspans two lines", "Batching", "Second question", "Second answer"], note.Cards.Select(c => c.Question));
        Assert.Equal(["First answer", "Grouping requests", "Second answer", "Second question"], note.Cards.Select(c => c.Answer));
    }

    [Fact]
    public void Two_multi_line_cards_without_a_blank_line_split_before_the_next_question()
    {
        var note = Parse("""
            Q one
            ?
            A one
            more of A one
            Q two
            ?
            A two
            """);

        Assert.Equal(["Q one", "Q two"], note.Cards.Select(c => c.Question));
        Assert.Equal(["A one\nmore of A one", "A two"], note.Cards.Select(c => c.Answer));
    }

    [Fact]
    public void Single_line_cards_end_at_the_line_end()
    {
        var note = Parse("""
            What is top-p::Sampling from the smallest set whose probability reaches p
            Next paragraph line that is not a card.
            """);

        var card = Assert.Single(note.Cards);
        Assert.Equal("Sampling from the smallest set whose probability reaches p", card.Answer);
    }

    [Fact]
    public void The_deck_tag_is_not_part_of_a_question_or_a_title()
    {
        var note = Parse("""
            #flashcards/llm

            #flashcards What is LoRA::Low-rank adapters
            Why quantize?
            ?
            To fit the model in less memory. #flashcards
            """);

        Assert.Equal("Cards", note.Title);
        Assert.Equal(["What is LoRA", "Why quantize?"], note.Cards.Select(c => c.Question));
        Assert.Equal("To fit the model in less memory.", note.Cards[1].Answer);
        Assert.Contains("flashcards/llm", note.Tags);
    }

    [Fact]
    public void Cloze_deletions_become_cards_in_a_flashcards_note()
    {
        var note = Parse("""
            ---
            tags: [flashcards]
            ---
            # Clozes

            The ==KV cache== stores keys and **values** of past tokens.

            Attention scales by {{the square root of d_k}}.
            """);

        Assert.Equal(
            [
                ("The [...] stores keys and values of past tokens.", "KV cache"),
                ("The KV cache stores keys and [...] of past tokens.", "values"),
                ("Attention scales by [...].", "the square root of d_k"),
            ],
            note.Cards.Select(c => (c.Question, c.Answer)));
        Assert.Equal(["KV cache"], note.Cards[0].KeyPoints);
        Assert.Equal(6, note.Cards[0].Line);
        Assert.Equal(3, note.Cards.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Bold_text_in_a_note_without_the_deck_tag_is_not_a_card()
    {
        var note = Parse("# Plain\n\nThe **KV cache** grows with length.\n");

        Assert.Empty(note.Cards);
    }

    [Fact]
    public void The_readme_card_example_reads_as_it_says()
    {
        var readme = File.ReadAllText(Path.Combine(Support.RepoPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf("```markdown\n", StringComparison.Ordinal) + "```markdown\n".Length;
        var example = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var note = Parse(example);

        Assert.Equal(
            ["What does RRF fuse", "Capital of attention", "softmax weights", "What does the KV cache store?"],
            note.Cards.Select(c => c.Question));
        Assert.Equal("Keys and values of past tokens.\nIt grows linearly with sequence length.", note.Cards[3].Answer);
    }

    [Fact]
    public void A_separator_that_makes_no_card_is_a_warning()
    {
        var problems = new List<CorpusProblem>();
        var note = Parse("# Cards\n\n?\nAn answer with no question.\n\nA question with no answer\n??\n", problems);

        Assert.Empty(note.Cards);
        Assert.Equal(
            [
                (3, "the '?' card separator has no question lines right above it, so it makes no card"),
                (7, "the '??' card separator has no answer lines right below it, so it makes no card"),
            ],
            problems.Select(p => (p.Line, p.Message)));
        Assert.All(problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
    }

    [Fact]
    public void Nothing_inside_code_is_a_card()
    {
        var note = Parse("#flashcards\n\n```cpp\nstd::vector<int> v;\nx\n?\ny\n==z==\n```\n");

        Assert.Empty(note.Cards);
    }
}
