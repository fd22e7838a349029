using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>Each file's parse is found by its key as a dictionary would find it, whatever order the files came in.</summary>
public sealed class ParsedFilesTests
{
    private static readonly CorpusProblem Problem = new("b.md", 1, ProblemSeverity.Warning, "a problem");

    [Fact]
    public void Parses_in_key_order_are_found_by_key_with_their_problems()
    {
        var parses = new ParsedFiles([Parse("r:a.md"), Parse("r:b.md", Problem), Parse("r:c.md")]);

        Assert.Equal(3, parses.Count);
        Assert.Equal(["r:a.md", "r:b.md", "r:c.md"], parses.Keys);
        Assert.Equal([Problem], parses["r:b.md"].Problems);
        Assert.Empty(parses["r:c.md"].Problems);
        Assert.Equal("r:a.md", parses.GetValueOrDefault("r:a.md")!.File.Key);
        Assert.Null(parses.GetValueOrDefault("r:d.md"));
        Assert.Null(parses.GetValueOrDefault("R:a.md"));
        Assert.False(parses.ContainsKey("r:"));
        Assert.Throws<KeyNotFoundException>(() => parses["r:x.md"]);
    }

    [Fact]
    public void Parses_of_several_roots_out_of_key_order_are_found_by_key()
    {
        string[] keys = ["z:b.md", "z:c.md", "a:x.md", "a:y.md", "m:a.md"];
        var parses = new ParsedFiles([.. keys.Select(k => Parse(k))]);

        foreach (var key in keys)
        {
            Assert.Equal(key, parses[key].File.Key);
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), parses.Keys);
        Assert.Equal(keys.Order(StringComparer.Ordinal), parses.Select(p => p.Value.File.Key));
        Assert.Null(parses.GetValueOrDefault("b:x.md"));
    }

    [Fact]
    public void Of_two_parses_with_one_key_the_later_is_found_as_a_dictionary_keeps_it()
    {
        var parses = new ParsedFiles([Parse("r:a.md", size: 1), Parse("r:b.md"), Parse("r:a.md", size: 2)]);

        Assert.Equal(2, parses.Count);
        Assert.Equal(2, parses["r:a.md"].File.Size);
        Assert.Equal(2, parses.Find("r:a.md", 0)!.File.Size);
    }

    [Fact]
    public void A_parse_is_found_whether_or_not_the_hint_points_at_it()
    {
        var parses = new ParsedFiles([Parse("r:a.md"), Parse("r:b.md"), Parse("r:c.md")]);

        Assert.Equal("r:b.md", parses.Find("r:b.md", 1)!.File.Key);
        Assert.Equal("r:b.md", parses.Find("r:b.md", 0)!.File.Key);
        Assert.Equal("r:b.md", parses.Find("r:b.md", 99)!.File.Key);
        Assert.Equal("r:b.md", parses.Find("r:b.md", -1)!.File.Key);
        Assert.Null(parses.Find("r:d.md", 2));
        Assert.Null(ParsedFiles.Empty.Find("r:a.md", 0));
    }

    private static ParsedFile Parse(string key, CorpusProblem? problem = null, long size = 0) =>
        new(new NoteFile(key, size, 0, "0123456789ABCDEF0123456789ABCDEF", null), problem is null ? [] : [problem]);
}
