using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Tests.Corpus;

public sealed class PathSuffixesTests
{
    private static readonly string[] Paths = ["b/Note-12", "a/xnote-12", "c/note-1", "note-12", "d/e/Chunking", "d/chunking-2", "Ünïcode/Straße"];

    [Theory]
    [InlineData("note-12")]
    [InlineData("NOTE-12")]
    [InlineData("e-12")]
    [InlineData("e/chunking")]
    [InlineData("chunking")]
    [InlineData("straße")]
    [InlineData("note-3")]
    [InlineData("x")]
    [InlineData("")]
    public void Finds_the_first_note_ending_with_the_text_as_a_scan_would(string suffix)
    {
        var notes = Paths.Select(p => new Note { Id = p, Title = p, Path = p, Section = "" }).ToList();
        var expected = notes.FindIndex(n => n.Path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

        Assert.Equal(expected, new PathSuffixes(notes).FirstEndingWith(suffix));
    }

    [Fact]
    public void Finds_what_a_scan_finds_among_many_paths_that_share_their_endings()
    {
        var random = new Random(11);
        string[] parts = ["a", "B", "ab", "note", "Note", "x-1", "ß", "é", "É"];
        string Path(int words) => string.Join(random.Next(3) == 0 ? "/" : "-", Enumerable.Range(0, words).Select(_ => parts[random.Next(parts.Length)]));
        var notes = Enumerable.Range(0, 400).Select(i => Path(random.Next(1, 5))).Select(p => new Note { Id = p, Title = p, Path = p, Section = "" }).ToList();
        var suffixes = new PathSuffixes(notes);

        for (var n = 0; n < 400; n++)
        {
            var suffix = Path(random.Next(0, 3));
            Assert.Equal(notes.FindIndex(note => note.Path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)), suffixes.FirstEndingWith(suffix));
        }
    }
}
