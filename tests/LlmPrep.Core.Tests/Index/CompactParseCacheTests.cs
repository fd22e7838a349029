using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Index;

/// <summary>
/// What the parse cache leaves out and works out again when asked (anchors that are their heading's slug, key points
/// that are the answer's sentences) comes back as a parse gives it, repeated headings and a note's own key points included.
/// </summary>
public sealed class CompactParseCacheTests : IDisposable
{
    private const string RepeatedHeadings = """
        ---
        tags: [flashcards, rag]
        ---
        # Fusion notes

        Lead text.

        ## Fusion

        First fusion section.

        ## Fusion

        Second fusion section.

        ## Fusion-1

        A heading whose slug the second one would have taken.

        ## C++ & Rust!

        Punctuation is dropped from anchors.

        What does RRF add up? :: One over k plus the rank. It is summed per list. Ties keep their order.
        Fusion merges ==ranked lists== of several retrievers.
        """;

    private readonly TempCorpus _corpus = new();

    public CompactParseCacheTests()
    {
        _corpus.Write("notes/fusion.md", RepeatedHeadings);
        _corpus.Write("notes/plain.md", "# Plain\n\nWhat is BM25?::A ranking function.\n");
    }

    [Fact]
    public void Repeated_headings_keep_their_numbered_anchors_through_the_cache()
    {
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        using var library = StudyLibrary.Open(_corpus.Options);
        Assert.Equal(0, library.LastSync.Parsed);
        var note = library.Corpus.FindByPath("notes/fusion")!;

        Assert.Equal(["", "fusion", "fusion-1", "fusion-1-1", "c-rust"], note.Sections.Select(s => s.Anchor));
        Assert.Equal("Second fusion section.", note.FindSection("fusion-1")!.OwnText);
        Assert.Equal("Fusion notes", note.Sections[0].Heading);
    }

    [Fact]
    public void Key_points_are_the_answer_sentences_or_the_card_own_through_the_cache()
    {
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        using var library = StudyLibrary.Open(_corpus.Options);
        var cards = library.Corpus.FindByPath("notes/fusion")!.Cards;

        var inline = cards.Single(c => c.Question == "What does RRF add up?");
        Assert.Equal(["One over k plus the rank.", "It is summed per list.", "Ties keep their order."], inline.KeyPoints);
        var cloze = cards.Single(c => c.Question.Contains("[...]", StringComparison.Ordinal));
        Assert.Equal(["ranked lists"], cloze.KeyPoints);
    }

    [Fact]
    public void Every_cached_note_equals_its_parse()
    {
        var parsed = _corpus.Load();
        using (StudyLibrary.Open(_corpus.Options))
        {
        }

        using var library = StudyLibrary.Open(_corpus.Options);

        Assert.Equal(0, library.LastSync.Parsed);
        Assert.Equal(Describe(parsed), Describe(library.Corpus));
    }

    private static List<string> Describe(CorpusSnapshot corpus) =>
        corpus.Notes.Select(n => string.Join(
            "\n",
            [
                n.Id, n.Title, n.Section, string.Join(",", n.Tags), n.Path, n.Body,
                .. n.Sections.Select(s => $"{s.Anchor}|{s.Heading}|{s.Depth}|{s.Line}|{s.Markdown}|{s.OwnText}"),
                .. n.Cards.Select(c => $"{c.Id}|{c.NoteId}|{c.Question}|{c.Answer}|{string.Join(";", c.KeyPoints)}|{c.Line}"),
            ])).ToList();

    public void Dispose() => _corpus.Dispose();
}
