using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Tests.Corpus;

public class FrontMatterTests
{
    [Fact]
    public void Reads_scalars_flow_lists_block_lists_and_comments()
    {
        var problems = new List<(int, string)>();
        var fm = FrontMatter.Parse(
            [
                "id: x # trailing comment",
                "title: \"Quoted: with colon\"",
                "single: 'it''s'",
                "tags: [a, \"b, c\", 'd']",
                "# a comment line",
                "aliases:",
                "  - First",
                "  - \"Second\"",
            ], 2, problems);

        Assert.Empty(problems);
        Assert.Equal("x", fm.Scalar("id"));
        Assert.Equal("Quoted: with colon", fm.Scalar("title"));
        Assert.Equal("it's", fm.Scalar("single"));
        Assert.Equal(["a", "b, c", "d"], fm.List("tags"));
        Assert.Equal(["First", "Second"], fm.List("aliases"));
        Assert.Equal(7, fm.LineOf("aliases"));
    }

    [Fact]
    public void Reports_duplicate_keys_and_stray_items()
    {
        var problems = new List<(int Line, string Message)>();
        FrontMatter.Parse(["- stray", "id: a", "id: b", "tags: [a, b"], 1, problems);

        Assert.Contains(problems, p => p.Line == 1 && p.Message.Contains("outside a list", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 3 && p.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 4 && p.Message.Contains("unclosed list", StringComparison.Ordinal));
    }
}
