using System.Text;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>
/// A note's sections held as one array of bytes give back exactly the sections they were made from (every field, in
/// order, by index and by anchor), and a heading held as UTF-8 matches an anchor exactly as its string does.
/// </summary>
public sealed class SectionTableTests
{
    private static readonly CorpusSnapshot Bundled = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);

    private static readonly string[] TrickyHeadings =
    [
        "", " ", "?!", "KV cache / paging", "  padded  ", "\ttabbed\t", "snake_case and/slash-ed", "--leading hyphens--",
        "Überblick: Détails", "ÜBERBLICK DÉTAILS", "İstanbul ıs", "straße STRASSE", "Σίσυφος ΣΊΣΥΦΟΣ ς", "Kelvin \u212A and k",
        "e\u0301 combining acute", "non\u00A0breaking\u2003em\u3000ideographic", "zero\u200Bwidth", "🚀 Launch", "Launch 🚀",
        "👩‍💻 pair 🇩🇪 flags", "𝒜𝒷 math letters 𝟙", "𠀀 ext-B ideograph", "日本語の見出し", "العربية ٣ digits", "² superscript Ⅻ numeral",
        "Attention variants (MHA, MQA, GQA)", "Why? Because — it scales!", "a-b_c d/e\tf", "x" + new string('y', 300),
        "lone \ud800 high", "lone \udc00 low", "\udbff", "Fusion", "fusion", "FUSION",
    ];

    [Fact]
    public void Every_bundled_note_s_sections_come_back_from_a_table_made_of_them()
    {
        var checkedSections = 0;
        foreach (var note in Bundled.Notes)
        {
            var list = note.Sections.ToList();
            var table = Assert.IsType<SectionTable>(SectionTable.Compact(list));

            AssertSame(list, table);
            checkedSections += list.Count;
        }

        Assert.True(checkedSections > 1000, $"only {checkedSections} sections were checked");
    }

    [Fact]
    public void Tricky_sections_come_back_exactly_with_or_without_shared_headings()
    {
        var body = new NoteBody("# Title\n\nSome text of the body.\n", null, 0, "");
        var list = new List<NoteSection>
        {
            new("", "Title", 1, 1, body, new TextRange(0, 33), new TextRange(0, 0), new TextRange(8, 23)),
        };
        var line = 3;
        foreach (var heading in TrickyHeadings)
        {
            list.Add(new NoteSection(null, heading, 2, line += 2, body, new TextRange(line * 7, line), null, new TextRange(line * 7 + 3, 1)));
        }

        list.Add(new NoteSection("fusion-1", "Fusion", 3, 90, body, new TextRange(5, 9), null, new TextRange(6, 2)));
        list.Add(new NoteSection("lone \ud800 anchor", "Held anchor", 2, 91, body, new TextRange(5, 9), null, new TextRange(6, 2)));
        list.Add(new NoteSection("überblick-2 🚀", "Title", 2, 92, body, new TextRange(5, 9), null, new TextRange(6, 2)));
        list.Add(new NoteSection(null, "Odd numbers", 0, 1, body, new TextRange(0, 0), new TextRange(3, 4), new TextRange(-5, 0)));
        list.Add(new NoteSection("", "Extremes", int.MaxValue, int.MaxValue, body, new TextRange(int.MaxValue, int.MaxValue), new TextRange(int.MinValue, int.MaxValue), new TextRange(0, int.MaxValue)));
        list.Add(new NoteSection(null, "Negative", -1, int.MinValue, body, new TextRange(int.MinValue, -1), null, new TextRange(int.MaxValue, int.MinValue)));

        AssertSame(list, Assert.IsType<SectionTable>(SectionTable.Compact(list)));

        // Made again, a heading seen before is shared, and comes back all the same.
        for (var copy = 0; copy < 3; copy++)
        {
            var builder = new SectionTableBuilder(list.Count);
            foreach (var section in list)
            {
                builder.Add(section.AnchorIsSlug ? null : section.Anchor, section.Heading, section.Depth, section.Line, section.MarkdownRange, section.LeadRange, section.OwnRange);
            }

            AssertSame(list, builder.Build(body));
        }

        Assert.True(SharedHeadings.TryFind("Überblick: Détails", out var number));
        Assert.Equal("Überblick: Détails", SharedHeadings.Get(number));
    }

    [Fact]
    public void A_heading_held_as_utf8_matches_every_anchor_as_its_string_does()
    {
        var headings = Bundled.Notes.SelectMany(n => n.Sections.Select(s => s.Heading)).Concat(TrickyHeadings).Distinct().ToList();
        var anchors = headings.SelectMany(h => new[] { Slug.From(h), Slug.From(h).ToUpperInvariant(), Slug.From(h) + "-1", Slug.From(h) + "-" })
            .Concat(TrickyHeadings).Concat(["", "-", "k", "K", "\u212A", "kelvin-k-and-k", "ß", "SS", "i̇stanbul-ıs", "İSTANBUL-IS", "launch", "lone-high"])
            .Distinct().ToList();
        Assert.True(headings.Count > 1000, $"only {headings.Count} headings were checked");

        // Each heading is tried against the anchors that could match it (same first letter) and every short one.
        var byFirst = anchors.Where(a => a.Length >= 3).ToLookup(a => char.ToUpperInvariant(a[0]));
        var shortOnes = anchors.Where(a => a.Length < 3).ToList();
        var matched = 0;
        foreach (var heading in headings)
        {
            var utf8 = Encoding.UTF8.GetBytes(heading);
            var decoded = Encoding.UTF8.GetString(utf8);
            var slug = Slug.From(decoded);
            var first = slug.Length == 0 ? '\0' : char.ToUpperInvariant(slug[0]);
            foreach (var anchor in byFirst[first].Concat(shortOnes).Append(slug).Append(slug.ToUpperInvariant()))
            {
                var expected = Slug.Matches(decoded, anchor);
                Assert.True(expected == Slug.Matches(utf8, anchor), $"'{heading}' against '{anchor}'");
                Assert.Equal(string.Equals(slug, anchor, StringComparison.OrdinalIgnoreCase), expected);
                matched += expected ? 1 : 0;
            }
        }

        Assert.True(matched > headings.Count, $"only {matched} pairs matched");
    }

    [Fact]
    public void Tricky_headings_are_found_by_their_anchors_fresh_and_from_the_parse_cache()
    {
        using var corpus = new TempCorpus();
        var text = new StringBuilder("# Tricky 🚀 headings\n\nLead.\n");
        foreach (var heading in TrickyHeadings.Where(h => h.Trim().Length > 0 && !h.Any(char.IsSurrogate) && !h.Contains('\t')))
        {
            text.Append($"\n## {heading}\n\nText under {heading}.\n\n### {heading}\n\nNested under {heading}.\n");
        }

        corpus.Write("tricky.md", text.ToString());
        corpus.Write("other.md", "# Other\n\n## Fusion\n\nAgain.\n\n## Überblick: Détails\n\nAgain.\n");
        var fresh = corpus.Load().FindByPath("tricky")!;
        using (StudyLibrary.Open(corpus.Options))
        {
        }

        using var library = StudyLibrary.Open(corpus.Options);
        Assert.Equal(0, library.LastSync.Parsed);
        var cached = library.Corpus.FindByPath("tricky")!;

        Assert.Equal(Describe(fresh.Sections), Describe(cached.Sections));
        Assert.Contains(fresh.Sections, s => s.Anchor == "fusion-1");
        foreach (var note in new[] { fresh, cached })
        {
            Assert.IsType<SectionTable>(note.Sections);
            var tries = note.Sections.SelectMany(s => new[] { s.Anchor, s.Anchor.ToUpperInvariant(), s.Anchor + "-9", Slug.From(s.Heading) })
                .Concat(["", "no-such-anchor", "fusion-2", "-", "launch-"]);
            foreach (var anchor in tries)
            {
                var expected = note.Sections.FirstOrDefault(s => string.Equals(s.Anchor, anchor, StringComparison.OrdinalIgnoreCase));
                Assert.Equal(expected, note.FindSection(anchor));
            }
        }
    }

    private static void AssertSame(List<NoteSection> list, SectionTable table)
    {
        Assert.Equal(list.Count, table.Count);
        Assert.Equal(list, table.ToList());
        for (var i = 0; i < list.Count; i++)
        {
            Assert.Equal(list[i], table[i]);
            Assert.Equal(list[i].AnchorIsSlug, table[i].AnchorIsSlug);
            Assert.Same(list[i].Body, table[i].Body);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => table[list.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[-1]);
        foreach (var anchor in list.Select(s => s.Anchor).Concat(list.Select(s => s.Anchor.ToUpperInvariant())).Append("no-such-anchor"))
        {
            Assert.Equal(list.FirstOrDefault(s => string.Equals(s.Anchor, anchor, StringComparison.OrdinalIgnoreCase)), table.Find(anchor));
        }
    }

    private static List<string> Describe(IEnumerable<NoteSection> sections) =>
        sections.Select(s => $"{s.Anchor}|{s.Heading}|{s.Depth}|{s.Line}|{s.Markdown}|{s.OwnText}").ToList();
}
