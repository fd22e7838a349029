using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>
/// A section is found by its anchor without making every section's slug: the answer is the one a comparison of each
/// section's anchor gives, for every anchor of the bundled notes, in any case, and for anchors no section has.
/// </summary>
public sealed class SectionLookupTests
{
    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);

    [Theory]
    [InlineData("Attention variants (MHA, MQA, GQA)", "attention-variants-mha-mqa-gqa")]
    [InlineData("  KV cache / paging  ", "kv-cache-paging")]
    [InlineData("Why? Because — it scales!", "why-because-it-scales")]
    [InlineData("Überblick: Détails", "überblick-détails")]
    [InlineData("Überblick: Détails", "ÜBERBLICK-DÉTAILS")]
    [InlineData("snake_case and tab\there", "snake-case-and-tab-here")]
    [InlineData("--leading hyphens", "leading-hyphens")]
    [InlineData("İstanbul ıs", "i̇stanbul-ıs")]
    [InlineData("🚀 Launch", "launch")]
    [InlineData("", "")]
    [InlineData("?!", "")]
    public void A_heading_matches_its_slug_in_any_case(string heading, string anchor)
    {
        Assert.Equal(string.Equals(Slug.From(heading), anchor, StringComparison.OrdinalIgnoreCase), Slug.Matches(heading, anchor));
        Assert.True(Slug.Matches(heading, Slug.From(heading)));
        Assert.True(Slug.Matches(heading, Slug.From(heading).ToUpperInvariant()));
    }

    [Theory]
    [InlineData("KV cache", "kv-cach")]
    [InlineData("KV cache", "kv-cache-")]
    [InlineData("KV cache", "kvcache")]
    [InlineData("KV cache", "kv--cache")]
    [InlineData("KV cache", "")]
    [InlineData("", "kv")]
    [InlineData("Fusion", "fusion-1")]
    public void A_heading_does_not_match_another_slug(string heading, string anchor) =>
        Assert.False(Slug.Matches(heading, anchor));

    [Fact]
    public void Every_section_of_the_bundled_notes_is_found_by_its_anchor_in_any_case()
    {
        var checkedSections = 0;
        foreach (var note in Corpus.Notes)
        {
            foreach (var section in note.Sections)
            {
                Assert.Equal(Expected(note, section.Anchor), note.FindSection(section.Anchor));
                Assert.Equal(Expected(note, section.Anchor.ToUpperInvariant()), note.FindSection(section.Anchor.ToUpperInvariant()));
                Assert.Equal(section.Anchor, note.FindSection(section.Anchor)!.Anchor, StringComparer.OrdinalIgnoreCase);
                checkedSections++;
            }

            Assert.Null(note.FindSection("no-such-anchor-anywhere"));
        }

        Assert.True(checkedSections > 1000, $"only {checkedSections} sections were checked");
    }

    [Fact]
    public void A_repeated_heading_is_found_under_its_numbered_anchor()
    {
        using var corpus = new TempCorpus();
        corpus.Write("fusion.md", "# Fusion notes\n\nLead.\n\n## Fusion\n\nFirst.\n\n## Fusion\n\nSecond.\n");
        var note = corpus.Load().FindByPath("fusion")!;

        Assert.Contains("First.", note.FindSection("fusion")!.OwnText);
        Assert.Contains("Second.", note.FindSection("FUSION-1")!.OwnText);
        Assert.Equal("", note.FindSection("")!.Anchor);
        Assert.Null(note.FindSection("fusion-2"));
    }

    /// <summary>The first section whose anchor equals <paramref name="anchor"/>, ignoring case, found by making every anchor.</summary>
    private static NoteSection? Expected(Note note, string anchor) =>
        note.Sections.FirstOrDefault(s => string.Equals(s.Anchor, anchor, StringComparison.OrdinalIgnoreCase));
}
