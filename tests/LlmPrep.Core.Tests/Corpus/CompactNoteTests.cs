using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>
/// A note holds its sections as one table of values and its cards' text as UTF-8, and gives back exactly what a parse
/// found: from a fresh parse, from the parse cache, and once its body is read again from the file.
/// </summary>
public sealed class CompactNoteTests : IDisposable
{
    private const string Text = """
        ---
        tags: [flashcards, rag]
        ---
        Lead before the title.

        # Fusion notes — überblick

        Lead text.

        ## Fusion

        First fusion section.

        ### Détails

        Nested 🚀 text.

        ## Fusion

        Second fusion section.

        What does RRF add up? :: One over k plus the rank — summed per list. Ties keep their order ✓.
        Fusion merges ==ranked lists== of several retrievers.
        """;

    private readonly TempCorpus _corpus = new();

    public CompactNoteTests() => _corpus.Write("deep/folder/fusion.md", Text);

    [Fact]
    public void Parsed_sections_are_one_table_and_come_back_equal_from_the_parse_cache()
    {
        var parsed = _corpus.Load().FindByPath("deep/folder/fusion")!;
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        using var library = StudyLibrary.Open(_corpus.Options);
        Assert.Equal(0, library.LastSync.Parsed);
        var cached = library.Corpus.FindByPath("deep/folder/fusion")!;

        Assert.IsType<SectionTable>(parsed.Sections);
        Assert.IsType<SectionTable>(cached.Sections);
        Assert.Equal(["", "fusion", "détails", "fusion-1"], parsed.Sections.Select(s => s.Anchor));
        Assert.Equal(Describe(parsed.Sections), Describe(cached.Sections));
        Assert.Equal(Describe(parsed.Sections), Describe(Enumerable.Range(0, cached.Sections.Count).Select(i => cached.Sections[i])));
        Assert.Equal("Lead before the title.\n\n\nLead text.", cached.Sections[0].OwnText);
        Assert.Equal("Nested 🚀 text.", cached.FindSection("détails")!.OwnText);
        Assert.Equal(cached.Sections[2], cached.Sections[2]);
    }

    [Fact]
    public void Cards_keep_their_exact_text_through_the_parse_cache()
    {
        var parsed = _corpus.Load().FindByPath("deep/folder/fusion")!.Cards;
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        using var library = StudyLibrary.Open(_corpus.Options);
        var cached = library.Corpus.FindByPath("deep/folder/fusion")!.Cards;

        Assert.Equal(parsed.Select(Describe), cached.Select(Describe));
        Assert.Equal("One over k plus the rank — summed per list. Ties keep their order ✓.", cached.Single(c => c.Question == "What does RRF add up?").Answer);
    }

    [Fact]
    public void Notes_from_the_parse_cache_with_the_same_tags_share_one_list()
    {
        _corpus.Write("a.md", "---\ntags: [rag, llm]\n---\n# A\n");
        _corpus.Write("b.md", "---\ntags: [rag, llm]\n---\n# B\n");
        _corpus.Write("c.md", "---\ntags: [llm, rag]\n---\n# C\n");
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        using var library = StudyLibrary.Open(_corpus.Options);
        var (a, b, c) = (library.Corpus.FindByPath("a")!, library.Corpus.FindByPath("b")!, library.Corpus.FindByPath("c")!);

        Assert.Equal(["rag", "llm"], a.Tags);
        Assert.Same(a.Tags, b.Tags);
        Assert.Equal(["llm", "rag"], c.Tags);
        Assert.NotSame(a.Tags, c.Tags);
    }

    [Fact]
    public void A_released_body_is_read_again_from_its_file_under_the_root()
    {
        var note = _corpus.Load().FindByPath("deep/folder/fusion")!;
        var body = note.Body;
        var ownText = note.Sections.Select(s => s.OwnText).ToList();

        note.BodySource!.Release();
        GC.Collect();

        Assert.Equal(body, note.Body);
        Assert.Equal(ownText, note.Sections.Select(s => s.OwnText));
    }

    [Fact]
    public void Sections_that_do_not_share_one_body_are_kept_as_given()
    {
        IReadOnlyList<NoteSection> sections = [new NoteSection("", "T", 1, 1, "# T", ""), new NoteSection("a", "A", 2, 3, "## A\nx", "x")];

        var note = new Note { Id = "n", Title = "T", Section = "", Path = "n", Sections = sections };

        Assert.Same(sections, note.Sections);
    }

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("überblick — ✓ 🚀")]
    [InlineData("lone \ud800 surrogate")]
    [InlineData("")]
    public void Card_text_reads_back_exactly_and_compares_by_value(string text)
    {
        var card = new QuizCard("n/q", "n", text, text + "!", ["p"], 3);
        var same = new QuizCard("n/q", "n", new string(text.AsSpan()), text + "!", card.KeyPoints, 3);

        Assert.Equal(text, card.Question);
        Assert.Equal(text + "!", card.Answer);
        Assert.Equal(card, same);
        Assert.Equal(card.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(card, same with { Answer = text + "?" });
        Assert.Equal(text + "?", (card with { Answer = text + "?" }).Answer);
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not a hash")]
    [InlineData("")]
    public void A_file_hash_reads_back_exactly_and_compares_by_value(string hash)
    {
        var file = new NoteFile("vault:a.md", 3, 4, hash, null);
        var same = new NoteFile("vault:a.md", 3, 4, new string(hash.AsSpan()), null);

        Assert.Equal(hash, file.Hash);
        Assert.Equal(file, same);
        Assert.Equal(file.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(file, same with { Hash = hash + "0" });
        Assert.Equal(hash + "0", (file with { Hash = hash + "0" }).Hash);
        Assert.Equal(hash, new NoteBody(null, null, 0, hash).Hash);
    }

    [Fact]
    public void A_loaded_file_hash_is_the_hash_of_its_bytes()
    {
        var file = _corpus.Load().Files.Single();

        Assert.Equal(FileHash.Of(File.ReadAllBytes(Path.Combine(_corpus.Root, "deep/folder/fusion.md"))), file.Hash);
        Assert.Equal(file.Hash, file.Note!.BodySource!.Hash);
    }

    [Fact]
    public void A_body_released_twice_is_read_again_and_held_weakly_while_it_lives()
    {
        var note = _corpus.Load().FindByPath("deep/folder/fusion")!;
        var body = note.Body;
        note.BodySource!.Release();
        Assert.Same(body, note.Body);

        note.BodySource.Release();
        var read = note.Body;
        Assert.Equal(body, read);
        Assert.NotSame(body, read);
        Assert.Same(read, note.Body);

        note.BodySource.Release();
        Assert.Equal(body, note.Body);
        Assert.NotSame(read, note.Body);
    }

    [Theory]
    [InlineData("plain ascii|überblick — ✓ 🚀")]
    [InlineData("lone \ud800 surrogate|fine")]
    [InlineData("|x")]
    [InlineData("a key point of more than one hundred and twenty-seven bytes, so that its length takes two bytes in the packed list ✓ ✓|after it")]
    [InlineData(null)]
    public void Key_points_read_back_exactly_and_compare_by_value(string? joined)
    {
        var points = joined?.Split('|') ?? [];
        var card = new QuizCard("n/q", "n", "Q", "A", points, 3);
        var same = new QuizCard("n/q", "n", "Q", "A", [.. points.Select(p => new string(p.AsSpan()))], 3);

        Assert.Equal(points, card.KeyPoints);
        Assert.False(card.KeyPointsFromAnswer);
        Assert.Equal(card, same);
        Assert.Equal(card.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(card, same with { KeyPoints = [.. points, "more"] });
        Assert.Equal([.. points, "more"], (card with { KeyPoints = [.. points, "more"] }).KeyPoints);
    }

    [Fact]
    public void A_card_without_key_points_of_its_own_reads_its_answer_sentences()
    {
        var card = QuizCard.FromAnswer("n/q", "n", "Q", "First one. Second one.", 3);

        Assert.True(card.KeyPointsFromAnswer);
        Assert.Equal(["First one.", "Second one."], card.KeyPoints);
        Assert.NotEqual(card, new QuizCard("n/q", "n", "Q", "First one. Second one.", [], 3));
    }

    [Theory]
    [InlineData("rag/fusion/what-is-rrf", "rag/fusion")]
    [InlineData("rag/fusion/what-is-rrf", "rag")]
    [InlineData("other/what-is-rrf", "rag")]
    [InlineData("rag", "rag")]
    [InlineData("rag/", "rag")]
    [InlineData("ragged/x", "rag")]
    [InlineData("lone \ud800/x", "lone \ud800")]
    [InlineData("x", "")]
    public void A_card_id_reads_back_exactly_whether_or_not_it_starts_with_its_note_id(string id, string noteId)
    {
        var card = new QuizCard(id, noteId, "Q?", "A.", ["p"], 3);
        var same = new QuizCard(new string(id.AsSpan()), new string(noteId.AsSpan()), "Q?", "A.", ["p"], 3);

        Assert.Equal(id, card.Id);
        Assert.Equal(noteId, card.NoteId);
        Assert.Equal(card, same);
        Assert.Equal(card.GetHashCode(), same.GetHashCode());
        Assert.Equal(["p"], card.KeyPoints);
        Assert.Equal(("Q?", "A."), (card.Question, card.Answer));
        Assert.NotEqual(card, same with { Id = id + "-2" });
        Assert.Equal(id + "-2", (card with { Id = id + "-2" }).Id);
        Assert.Equal(id, (card with { NoteId = "elsewhere" }).Id);
        var changed = card with { Question = "Q2?", Answer = "A2." };
        Assert.Equal((id, "Q2?", "A2.", "p"), (changed.Id, changed.Question, changed.Answer, changed.KeyPoints.Single()));
    }

    [Fact]
    public void A_card_made_anew_with_another_id_keeps_its_text_and_key_points()
    {
        var card = QuizCard.FromAnswer("n/q", "n", "Q", "First one. Second one.", 3) with { Id = "m/r", NoteId = "m" };

        Assert.Equal(("m/r", "m", "Q", "First one. Second one."), (card.Id, card.NoteId, card.Question, card.Answer));
        Assert.True(card.KeyPointsFromAnswer);
        Assert.Equal(["First one.", "Second one."], card.KeyPoints);
    }

    private static string Describe(QuizCard card) =>
        $"{card.Id}|{card.NoteId}|{card.Question}|{card.Answer}|{string.Join("/", card.KeyPoints)}|{card.Line}";

    private static List<string> Describe(IEnumerable<NoteSection> sections) =>
        sections.Select(s => $"{s.Anchor}|{s.Heading}|{s.Depth}|{s.Line}|{s.Markdown}|{s.OwnText}").ToList();

    public void Dispose() => _corpus.Dispose();
}
