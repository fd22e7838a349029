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

    [Fact]
    public void A_phrase_in_many_groups_holds_each_group_once_in_key_order()
    {
        // "DN" stands for 500 titles: one group each. A group that names a phrase twice gives it once.
        var keys = Map.Keys("dn").Where(k => k.StartsWith('=')).ToList();
        Assert.Equal(500, keys.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);

        var twice = new AliasMap([], ["alpha beta|alpha beta|gamma delta", "alpha beta|epsilon"]);
        var groups = twice.Terms("alpha beta").Single().Keys;
        Assert.Equal(2, groups.Count);
        Assert.Equal(groups.Distinct(), groups);
        Assert.True(twice.Terms("gamma delta").Single().Shares(twice.Terms("alpha beta").Single()));
        Assert.False(twice.Terms("gamma delta").Single().Shares(twice.Terms("epsilon").Single()));
    }

    [Fact]
    public void Each_acronym_and_phrase_pair_counts_once_however_often_it_is_defined()
    {
        var notes = Enumerable.Range(0, 3).Select(i => new Note
        {
            Id = $"r{i}",
            Title = "Reciprocal rank fusion",
            Aliases = ["RRF"],
            Section = "",
            Path = $"r{i}",
            DefinedAcronyms = [new AcronymDefinition("RRF", "reciprocal rank fusion"), new AcronymDefinition("TTFT", "time to first token")],
        });
        var map = new AliasMap(notes, []);

        Assert.Equal(2, map.Count);
        Assert.Single(map.Terms("rrf").Single().Keys, k => k.StartsWith('='));
        Assert.True(map.Terms("time to first token").Single().Shares(map.Terms("TTFT").Single()));
    }
}
