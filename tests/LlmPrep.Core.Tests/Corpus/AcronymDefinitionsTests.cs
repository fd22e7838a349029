using System.Text;
using System.Text.RegularExpressions;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>
/// A note's acronym definitions ("time to first token (TTFT)") are found once, when it is parsed, and kept in the
/// parse cache, so the grader's alias map never reads a note's text again: they are exactly what a scan of each body
/// with the plain forward patterns finds.
/// </summary>
public sealed partial class AcronymDefinitionsTests : IDisposable
{
    private static readonly CorpusSnapshot Bundled = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);

    private readonly TempCorpus _vault = new();

    public void Dispose() => _vault.Dispose();

    [Fact]
    public void The_bundled_notes_definitions_found_at_parse_time_are_those_a_scan_of_each_body_finds()
    {
        Assert.True(Bundled.Notes.Count(n => n.DefinedAcronyms.Count > 0) >= 10, "the corpus defines acronyms in many notes");
        Assert.All(Bundled.Notes, note => Assert.Equal(ScanBody(note.Body), note.DefinedAcronyms));
    }

    [Fact]
    public void An_alias_map_from_the_parsed_definitions_equals_one_from_scanning_every_body()
    {
        var fromBodies = new AliasMap(Bundled.Notes.Select(n => n with { DefinedAcronyms = ScanBody(n.Body) }));
        var parsed = new AliasMap(Bundled.Notes);

        Assert.True(parsed.Count > 50, $"{parsed.Count} acronym pairs");
        Assert.Equal(fromBodies.Count, parsed.Count);
        foreach (var text in Bundled.Cards.SelectMany(c => c.KeyPoints.Append(c.Question).Append(c.Answer)))
        {
            Assert.Equal(Describe(fromBodies.Terms(text)), Describe(parsed.Terms(text)));
        }
    }

    [Fact]
    public void The_bracket_first_patterns_match_what_the_plain_forward_patterns_match_on_random_text()
    {
        string[] pieces =
        [
            "Alpha", "alpha", "beta", "Beta", "of", "the", "ab", "Ab", "a", "B", "x1", "é", "_", "ALPHA", "AbC",
            " ", " ", " ", " ", "  ", "-", "(", ")", " (", ") ", "(AB)", " (AB)", " (Ab)", " (ABC)", " (AOB)", " (ABCDEFGHI)",
            " (alpha beta)", " (alpha-beta of)", "AB (", "\n", ".", "1", "Ab-beta",
        ];
        var random = new Random(7);
        var matched = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, 40); i > 0; i--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var expected = ForwardMatches(text.ToString());
            matched += expected.Count;
            Assert.Equal(expected, AcronymDefinitions.Candidates(text.ToString()).ToList());
        }

        Assert.True(matched > 1_000, $"{matched} matches");
    }

    [Fact]
    public void Whether_an_acronym_stands_for_a_phrase_is_what_a_plain_reading_of_both_says()
    {
        string[] acronyms = ["RRF", "TTFT", "KV", "LoRA", "RAG", "TPoT", "Rrf", "R", "ABCDEFGHI", "AB C", "aBC", "LLM", "MoE", "ÉTÉ", "QA", "DPO"];
        string[] words = ["reciprocal", "rank", "fusion", "of", "the", "Time", "to", "first", "token", "low", "rank", "adaptation", "a", "and",
            "with", "via", "OF", "Mixture", "experts", "été", "-", " ", "1st", "question", "answering", "direct", "preference", "optimization", "large", "language", "model"];
        var random = new Random(5);
        var (stands, cases) = (0, 0);
        foreach (var acronym in acronyms)
        {
            for (var n = 0; n < 2_000; n++)
            {
                var phrase = string.Join(random.Next(4) == 0 ? "-" : " ", n % 2 == 0
                    ? Enumerable.Range(0, random.Next(0, 6)).Select(_ => words[random.Next(words.Length)])
                    : SpelledOut(acronym, random).Select(w => random.Next(12) == 0 ? words[random.Next(words.Length)] : w));
                Assert.Equal(PlainIsAcronym(acronym), AcronymDefinitions.IsAcronym(acronym));
                Assert.True(PlainStands(acronym, phrase) == AcronymDefinitions.Stands(acronym, phrase), $"{acronym} / '{phrase}'");
                stands += PlainStands(acronym, phrase) ? 1 : 0;
                cases++;
            }
        }

        Assert.True(AcronymDefinitions.Stands("RRF", "reciprocal rank fusion") && AcronymDefinitions.Stands("TTFT", "Time to first token") && AcronymDefinitions.Stands("MoE", "Mixture of experts"));
        Assert.True(stands > 2_000 && stands < cases - 10_000, $"{stands} of {cases} stand");
    }

    [Fact]
    public void Definitions_come_back_from_the_parse_cache_exactly()
    {
        _vault.Write("latency.md", "# Latency\n\nTime to first token (TTFT) matters, as does TPOT (time per output token). Again: time to first token (TTFT).\n");
        _vault.Write("plain.md", "# Plain\n\nNo definitions here (just an aside).\n");
        var parsed = _vault.Load();
        using (StudyLibrary.Open(_vault.Options))
        {
        }

        using var library = StudyLibrary.Open(_vault.Options);

        Assert.Equal(0, library.LastSync.Parsed);
        Assert.Equal([new("TTFT", "Time to first token"), new("TTFT", "time to first token"), new("TPOT", "time per output token")], library.Corpus.FindByPath("latency")!.DefinedAcronyms);
        Assert.Empty(library.Corpus.FindByPath("plain")!.DefinedAcronyms);
        Assert.Equal(parsed.FindByPath("latency")!.DefinedAcronyms, library.Corpus.FindByPath("latency")!.DefinedAcronyms);
    }

    [Fact]
    public void The_grader_learns_a_vaults_acronyms_without_reading_its_note_files()
    {
        for (var i = 0; i < 30; i++)
        {
            _vault.Write($"notes/n{i}.md", $"# Note {i}\n\nServing is judged by two numbers. Time to first token (TTFT) and KVC (key value cache) size.\n\nWhat is TTFT? :: The wait before the first token arrives.\n");
        }

        using (StudyLibrary.Open(_vault.Options))
        {
        }

        using var library = StudyLibrary.Open(_vault.Options);
        Assert.Equal(0, library.LastSync.Parsed);
        Directory.Delete(Path.Combine(_vault.Root, "notes"), recursive: true);

        var grader = KeyPointGrader.For(library.Corpus);

        Assert.Equal(2, grader.Aliases.Count);
        Assert.Contains(grader.Aliases.Keys("TTFT"), grader.Aliases.Keys("time to first token").Contains);
        Assert.Contains(grader.Aliases.Keys("KVC"), grader.Aliases.Keys("key value cache").Contains);
    }

    /// <summary>The rule, read plainly: the acronym's capitals, lower-cased, are the initials of the phrase's words (split
    /// at spaces and hyphens, those starting with a letter), of all of them or of those that are not minor words.</summary>
    private static bool PlainStands(string acronym, string phrase)
    {
        if (!PlainIsAcronym(acronym))
        {
            return false;
        }

        string[] minor = ["a", "an", "as", "at", "by", "for", "in", "of", "on", "the", "to", "and", "or", "via", "with"];
        var capitals = new string([.. acronym.Where(char.IsUpper).Select(char.ToLowerInvariant)]);
        var words = phrase.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).ToList();
        var initials = new string([.. words.Select(w => char.ToLowerInvariant(w[0]))]);
        var content = new string([.. words.Where(w => w.Length > 3 || !minor.Contains(w.ToLowerInvariant())).Select(w => char.ToLowerInvariant(w[0]))]);
        return words.Count >= 2 && (capitals == initials || capitals == content);
    }

    /// <summary>Words whose initials are the acronym's letters (capitals or not), with minor words between some.</summary>
    private static IEnumerable<string> SpelledOut(string acronym, Random random)
    {
        string[] minor = ["of", "the", "and", "with", "OF", "via", "to"];
        foreach (var letter in acronym)
        {
            if (random.Next(4) == 0)
            {
                yield return minor[random.Next(minor.Length)];
            }

            yield return (random.Next(2) == 0 ? char.ToUpperInvariant(letter) : char.ToLowerInvariant(letter)) + "ord";
        }
    }

    private static bool PlainIsAcronym(string name) =>
        name.Length is >= 2 and <= 8 && !name.Contains(' ') && name.Count(char.IsUpper) >= 2 && char.IsUpper(name[0]);

    private static List<string> Describe(List<Term> terms) => [.. terms.Select(t => $"{t.Text}@{t.Position}={string.Join(",", t.Keys)}")];

    /// <summary>What the grader found in each body before definitions were kept with the note.</summary>
    private static List<AcronymDefinition> ScanBody(string body) =>
        [.. ForwardMatches(body).Where(d => AcronymDefinitions.Stands(d.Acronym, d.Phrase)).Distinct()];

    private static List<AcronymDefinition> ForwardMatches(string text) =>
        [.. PhraseThenAcronym().Matches(text).Concat(AcronymThenPhrase().Matches(text)).Select(m => new AcronymDefinition(m.Groups["acronym"].Value, m.Groups["phrase"].Value))];

    [GeneratedRegex(@"(?<phrase>\b[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+){1,5}) \((?<acronym>[A-Z][A-Za-z]{1,7})\)")]
    private static partial Regex PhraseThenAcronym();

    [GeneratedRegex(@"\b(?<acronym>[A-Z][A-Za-z]{1,7}) \((?<phrase>[a-z][a-z]+(?:[ -][a-z]+){1,5})\)")]
    private static partial Regex AcronymThenPhrase();
}
