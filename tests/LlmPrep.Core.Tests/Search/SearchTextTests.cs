using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Search;

/// <summary>What a search hit's snippet shows, and which spellings find a note.</summary>
public sealed class SearchTextTests : IDisposable
{
    private readonly TempCorpus _corpus = new();
    private readonly StudyLibrary _library;

    public SearchTextTests()
    {
        _corpus.WriteNote("06-production", "flash-attention", "Fast attention kernels", "## Tiling\n\n**FlashAttention** tiles the attention matrix so it never leaves on-chip memory.", aliases: "IO-aware attention");
        _corpus.WriteNote("07-evaluation", "prompt-defense", "Prompt injection defence", "Layered defence against prompt injection starts with isolating untrusted text. Models optimise for helpfulness, so their behaviour must be bounded by tools, and modelling the threat comes first. Colour-coded trust levels help analysts analyse the traces.", aliases: "jailbreak defence, PI guard");
        _corpus.WriteNote("07-evaluation", "us-spelling", "Latency budgets", "We optimize the serving path and analyze the behavior of the cache, modeling the color of each request.");
        _library = StudyLibrary.Open(_corpus.Options);
    }

    private SearchResult Search(string query) => _library.Search(new SearchRequest(query));

    [Fact]
    public void Snippets_do_not_double_the_source_bold_marks()
    {
        var hit = Search("FlashAttention").Hits[0];

        Assert.Contains("**FlashAttention**", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("***", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_shows_a_body_sentence_with_the_terms_not_the_alias_list()
    {
        var hit = Search("prompt injection defence").Hits.First(h => h.NoteId == "prompt-defense");

        Assert.Contains("against **prompt** **injection**", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("jailbreak", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_only_match_shows_the_body_rather_than_the_alias_list()
    {
        var hit = Search("jailbreak").Hits[0];

        Assert.Equal("prompt-defense", hit.NoteId);
        Assert.Contains("Layered", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("PI guard", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("defense", "prompt-defense")]
    [InlineData("optimize", "prompt-defense")]
    [InlineData("behavior", "prompt-defense")]
    [InlineData("modeling", "prompt-defense")]
    [InlineData("color", "prompt-defense")]
    [InlineData("analyze", "prompt-defense")]
    [InlineData("optimise", "us-spelling")]
    [InlineData("analyse", "us-spelling")]
    [InlineData("behaviour", "us-spelling")]
    [InlineData("modelling", "us-spelling")]
    [InlineData("colour", "us-spelling")]
    public void American_and_British_spellings_find_the_same_notes(string query, string expected)
    {
        Assert.Contains(Search(query).Hits, h => h.NoteId == expected);
    }

    [Fact]
    public void Phrases_stay_exact_with_either_spelling()
    {
        Assert.Contains(Search("\"layered defense\"").Hits, h => h.NoteId == "prompt-defense");
        Assert.Empty(Search("\"defense layered\"").Hits);
        Assert.Contains(Search("\"analyse the traces\"").Hits, h => h.NoteId == "prompt-defense");
    }

    [Fact]
    public void Spelling_variants_are_marked_in_snippets()
    {
        var hit = Search("behavior").Hits.First(h => h.NoteId == "prompt-defense");

        Assert.Contains("**behaviour**", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("optimise", "optimize")]
    [InlineData("organisations", "organizations")]
    [InlineData("analysing", "analyzing")]
    [InlineData("behavioural", "behavioral")]
    [InlineData("modelled", "modeled")]
    [InlineData("defence", "defense")]
    [InlineData("centre", "center")]
    [InlineData("catalogue", "catalog")]
    public void Spelling_variants_go_both_ways(string british, string american)
    {
        Assert.Equal([british, american], SpellingVariants.Of(british));
        Assert.Equal([american, british], SpellingVariants.Of(american));
    }

    [Theory]
    [InlineData("four")]
    [InlineData("filling")]
    [InlineData("rise")]
    [InlineData("noise")]
    [InlineData("size")]
    [InlineData("vector")]
    public void Words_without_another_spelling_stay_alone(string word)
    {
        Assert.Equal([word], SpellingVariants.Of(word));
    }

    public void Dispose()
    {
        _library.Dispose();
        _corpus.Dispose();
    }
}
