using System.Security.Cryptography;
using LlmPrep.Core.Bench;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Bench;

public sealed class SyntheticVaultTests : IDisposable
{
    private static readonly Lazy<VaultLexicon> Words = new(() => VaultLexicon.From(CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]).Notes));

    private readonly string _root = Directory.CreateTempSubdirectory("llmprep-vault-test-").FullName;

    [Fact]
    public void The_same_count_and_seed_give_byte_identical_files_and_another_seed_does_not()
    {
        var first = Path.Combine(_root, "first");
        var second = Path.Combine(_root, "second");
        var other = Path.Combine(_root, "other");

        SyntheticVault.Write(first, 120, 7, Words.Value);
        SyntheticVault.Write(second, 120, 7, Words.Value);
        SyntheticVault.Write(other, 120, 8, Words.Value);

        var a = Hashes(first);
        Assert.Equal(120, a.Count);
        Assert.Equal(a, Hashes(second));
        Assert.NotEqual(a.Values, Hashes(other).Values);
    }

    [Fact]
    public void The_vault_loads_as_notes_of_realistic_size_with_cards_links_code_and_no_errors()
    {
        var vault = Path.Combine(_root, "vault");
        var summary = SyntheticVault.Write(vault, 300, 1, Words.Value);

        var corpus = CorpusLoader.Load([new CorpusRoot("vault", vault)]);

        Assert.Equal(300, corpus.Notes.Count);
        Assert.Equal(30, corpus.Notes.Count(n => n.HasFrontMatter));
        Assert.InRange(summary.Bytes / summary.Notes, 3000, 4500);
        var sizes = Directory.EnumerateFiles(vault, "*.md", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
        Assert.True(sizes.Max() > 2 * sizes.Min(), "sizes vary");
        Assert.InRange(corpus.Notes.Average(n => n.Sections.Count), 4, 8);
        Assert.True(corpus.Cards.Count() >= 30 * 5, "every corpus note has a quiz of five cards, some vault notes have flashcards");
        Assert.Contains(corpus.Notes, n => n.Links.Count > 0);
        Assert.Contains(corpus.Notes, n => n.Body.Contains("\n```\n", StringComparison.Ordinal));
        Assert.DoesNotContain(corpus.Problems, p => p.Severity == ProblemSeverity.Error);
        var text = File.ReadAllText(Directory.EnumerateFiles(vault, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First());
        Assert.StartsWith("---\n", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// In the bundled notes the bench queries match a median of about 0.7% of the sections (14 of 2,026): a term is
    /// common in the few notes about it and absent from the rest. Words drawn from a flat list put every subject word
    /// in a large share of all sections (a median of about 16% on a 2,000-note vault, most queries widened to any
    /// word), which overstates search work at scale by an order of magnitude. A factor of four either way of the real
    /// median keeps the generated vault within the real one's order of magnitude and fails the flat one by far.
    /// </summary>
    [Fact]
    public void The_bench_queries_match_about_as_large_a_share_of_sections_as_in_the_bundled_notes()
    {
        var vault = Path.Combine(_root, "vault");
        SyntheticVault.Write(vault, 400, 1, Words.Value);

        var real = MedianShare(new LibraryOptions([new CorpusRoot("bundled", RepoPaths.Corpus)], Path.Combine(_root, "data-bundled")));
        var generated = MedianShare(new LibraryOptions([new CorpusRoot("vault", vault)], Path.Combine(_root, "data-vault")));

        Assert.InRange(real, 0.002, 0.02);
        Assert.InRange(generated, real / 4, real * 4);
    }

    /// <summary>
    /// A real vault keeps meeting new words (names, identifiers, rare terms) as it grows, roughly as the square root of
    /// its size (Heaps' law: four times the notes, about twice the words); a flat list stays at its few hundred words
    /// whatever the size. Note numbers in titles and links are left out of the count: they grow with any generator.
    /// </summary>
    [Fact]
    public void The_vocabulary_grows_with_the_vault()
    {
        var small = Path.Combine(_root, "small");
        var large = Path.Combine(_root, "large");
        SyntheticVault.Write(small, 100, 1, Words.Value);
        SyntheticVault.Write(large, 400, 1, Words.Value);

        var smallWords = Vocabulary(small);
        var largeWords = Vocabulary(large);

        Assert.True(smallWords > 5_000, $"{smallWords} distinct words in 100 notes");
        Assert.True(largeWords > 1.5 * smallWords, $"{largeWords} distinct words in 400 notes against {smallWords} in 100");
    }

    [Fact]
    public void Notes_without_prose_to_draw_words_from_are_refused()
    {
        var notes = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]).Notes.Where(n => n.Words < 150);

        var error = Assert.Throws<InvalidOperationException>(() => VaultLexicon.From(notes));

        Assert.Contains("200 words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        File.WriteAllText(Path.Combine(_root, "keep.md"), "mine");

        Assert.Throws<IOException>(() => SyntheticVault.Write(_root, 5, 1, Words.Value));

        Assert.Equal(["keep.md"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    private static double MedianShare(LibraryOptions options)
    {
        using var library = StudyLibrary.Open(options);
        var sections = (double)library.Corpus.Notes.Sum(n => n.Sections.Count);
        var shares = BenchQueries.All.Select(q => library.Search(new SearchRequest(q)).Total / sections).Order().ToList();
        return shares[shares.Count / 2];
    }

    private static Dictionary<string, string> Hashes(string directory) =>
        Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static int Vocabulary(string directory) =>
        Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllText(f).ToLowerInvariant().Split((char[])[' ', '\n', '.', ',', '(', ')', '[', ']', ':', '?', '/', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => !w.All(char.IsDigit)).Distinct(StringComparer.Ordinal).Count();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
