using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Core.Tests.Quiz;

/// <summary>
/// The alias map joins the longest of its phrases a text spells at each word, among many phrases that start with
/// the same word (a large vault has thousands: its titles beside their acronyms).
/// </summary>
public class AliasMapPhraseTests
{
    private static readonly AliasMap Map = new(
        Enumerable.Range(0, 500).Select(i => new Note { Id = $"n{i}", Title = $"Data note {i}", Aliases = ["DN"], Section = "", Path = $"n{i}", DefinedAcronyms = [] }),
        ["data curation|dc", "data curation pipeline|dcp", "data|dat", "data curation pipeline stage|dcps", "data plane|dpl", "curation|curate"]);

    [Theory]
    [InlineData("data curation pipeline stage now", "data curation pipeline stage|now")]
    [InlineData("data curation pipeline now", "data curation pipeline|now")]
    [InlineData("data curation now", "data curation|now")]
    [InlineData("data curation", "data curation")]
    [InlineData("data pipeline", "data|pipeline")]
    [InlineData("data", "data")]
    [InlineData("the data plane curation", "data plane|curation")]
    [InlineData("data note 417 today", "data note 417|today")]
    [InlineData("data note 4170", "data|note|4170")]
    public void The_longest_phrase_at_each_word_is_one_term(string text, string expected)
    {
        Assert.Equal(expected, string.Join("|", Map.Terms(text).Select(t => t.Text)));
    }

    [Fact]
    public void A_phrase_meets_its_synonyms_and_a_word_its_own_groups()
    {
        Assert.Contains(Map.Keys("dcp"), Map.Keys("data curation pipeline").Contains);
        Assert.DoesNotContain(Map.Keys("dc"), Map.Keys("data curation pipeline").Contains);
        Assert.Contains(Map.Keys("dat"), Map.Keys("data").Contains);
        Assert.Contains(Map.Keys("curate"), Map.Keys("curation").Contains);
    }
}
