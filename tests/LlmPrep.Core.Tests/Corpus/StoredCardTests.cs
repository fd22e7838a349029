using System.Text;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>Cards read from the parse cache's bytes (their texts copied as UTF-8, never made strings) equal the parsed cards.</summary>
public sealed class StoredCardTests
{
    private static readonly CorpusSnapshot Bundled = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);

    [Fact]
    public void Every_bundled_card_comes_back_from_its_stored_bytes_as_parsed()
    {
        var cards = 0;
        foreach (var parsed in Bundled.Parses.Values.Where(p => p.File.Note is { Cards.Count: > 0 }))
        {
            var back = Decode(ParsedFileCodec.Encode(parsed), parsed, at: 13)!;

            var note = parsed.File.Note!;
            Assert.Equal(note.Cards, back.File.Note!.Cards);
            foreach (var (card, read) in note.Cards.Zip(back.File.Note.Cards))
            {
                Assert.Equal((card.Id, card.Question, card.Answer, card.Line), (read.Id, read.Question, read.Answer, read.Line));
                Assert.Equal(card.KeyPoints, read.KeyPoints);
                cards++;
            }
        }

        Assert.True(cards > 300, $"only {cards} cards");
    }

    [Fact]
    public void Vault_cards_keep_their_answer_sentences_as_key_points_through_the_bytes()
    {
        var note = NoteParser.Parse("heads.md", "# Heads ünï\n\n#flashcards\n\nWhat does 😀 mean? :: A smile. It is round.\nWho is Zoë? :: A name.\n", []);
        var parsed = new ParsedFile(new NoteFile("test:heads.md", 10, 10, "00", note), []);

        var back = Decode(ParsedFileCodec.Encode(parsed), parsed, at: 3)!.File.Note!;

        Assert.Equal(note.Cards, back.Cards);
        Assert.Equal(["A smile.", "It is round."], back.Cards[0].KeyPoints);
        Assert.Equal("Who is Zoë?", back.Cards[1].Question);
    }

    [Fact]
    public void A_damaged_answer_reads_as_its_bytes_decoded_and_the_rest_stays_whole()
    {
        var parsed = Bundled.Parses.Values.First(p => p.File.Note is { Cards.Count: > 0 });
        var card = parsed.File.Note!.Cards[0];
        var bytes = ParsedFileCodec.Encode(parsed);
        var answer = Encoding.UTF8.GetBytes(card.Answer);
        var at = bytes.AsSpan().IndexOf(answer);
        Assert.True(at > 0);
        bytes[at + 1] = 0xFF;

        var read = Decode(bytes, parsed, at: 0)!.File.Note!.Cards[0];

        Assert.Equal(Encoding.UTF8.GetString(bytes, at, answer.Length), read.Answer);
        Assert.Contains('\uFFFD', read.Answer);
        Assert.Equal(card.Question, read.Question);
        Assert.Equal(card.KeyPoints, read.KeyPoints);
        Assert.Equal(card.Id, read.Id);
    }

    /// <summary>Decodes <paramref name="bytes"/> placed <paramref name="at"/> bytes into a larger buffer, as the parse cache's batches hold them.</summary>
    private static ParsedFile? Decode(byte[] bytes, ParsedFile parsed, int at)
    {
        var buffer = new byte[bytes.Length + at + 17];
        Array.Fill(buffer, (byte)0xAB);
        bytes.CopyTo(buffer, at);
        var file = parsed.File with { Note = null };
        return ParsedFileCodec.Decode(new ArraySegment<byte>(buffer, at, bytes.Length), file, new BodyFile("/nowhere", file.Key, 0));
    }

    [Fact]
    public void Key_points_read_into_a_buffer_are_the_cards_key_points()
    {
        var vault = NoteParser.Parse("v.md", "# V\n\n#flashcards\n\nWhat is it? :: - First point. Second one! * Third? Fourth. Fifth. Sixth. Seventh.\nAnd this? :: no sentence end\nEmpty? :: .\nSmile? :: A 😀. Zoë.\n", []);
        var stored = Bundled.Parses.Values.Where(p => p.File.Note is { Cards.Count: > 0 })
            .SelectMany(p => Decode(ParsedFileCodec.Encode(p), p, at: 5)!.File.Note!.Cards);
        QuizCard[] unpacked = [new("x/lone", "x", "Q?", "A.", ["bad \ud800 half", "fine"], 1), QuizCard.FromAnswer("x/a", "x", "Q?", "One.  Two.", 2)];
        var (points, scratch) = (new TextBuffer(), new TextBuffer());
        var cards = 0;
        foreach (var card in Bundled.Cards.Concat(stored).Concat(vault.Cards).Concat(unpacked))
        {
            points.Clear();
            card.ReadKeyPoints(points, scratch);
            Assert.Equal(card.KeyPoints, Enumerable.Range(0, points.Count).Select(i => points[i].ToString()));
            cards++;
        }

        Assert.Equal(4, vault.Cards.Count);
        Assert.Equal(6, vault.Cards[0].KeyPoints.Count);
        Assert.True(cards > 600, $"only {cards} cards");
    }
}
