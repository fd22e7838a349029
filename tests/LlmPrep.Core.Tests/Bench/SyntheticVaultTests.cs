using System.Security.Cryptography;
using LlmPrep.Core.Bench;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Tests.Bench;

public sealed class SyntheticVaultTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("llmprep-vault-test-").FullName;

    [Fact]
    public void The_same_count_and_seed_give_byte_identical_files_and_another_seed_does_not()
    {
        var first = Path.Combine(_root, "first");
        var second = Path.Combine(_root, "second");
        var other = Path.Combine(_root, "other");

        SyntheticVault.Write(first, 120, 7);
        SyntheticVault.Write(second, 120, 7);
        SyntheticVault.Write(other, 120, 8);

        var a = Hashes(first);
        Assert.Equal(120, a.Count);
        Assert.Equal(a, Hashes(second));
        Assert.NotEqual(a.Values, Hashes(other).Values);
    }

    [Fact]
    public void The_vault_loads_as_notes_of_realistic_size_with_cards_links_and_no_errors()
    {
        var vault = Path.Combine(_root, "vault");
        var summary = SyntheticVault.Write(vault, 300, 1);

        var corpus = CorpusLoader.Load([new CorpusRoot("vault", vault)]);

        Assert.Equal(300, corpus.Notes.Count);
        Assert.Equal(30, corpus.Notes.Count(n => n.HasFrontMatter));
        Assert.InRange(summary.Bytes / summary.Notes, 3000, 4500);
        var sizes = Directory.EnumerateFiles(vault, "*.md", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
        Assert.True(sizes.Max() > 2 * sizes.Min(), "sizes vary");
        Assert.True(corpus.Cards.Count() >= 30 * 5, "every corpus note has a quiz of five cards, some vault notes have flashcards");
        Assert.Contains(corpus.Notes, n => n.Links.Count > 0);
        Assert.DoesNotContain(corpus.Problems, p => p.Severity == ProblemSeverity.Error);
        var text = File.ReadAllText(Directory.EnumerateFiles(vault, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First());
        Assert.StartsWith("---\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        File.WriteAllText(Path.Combine(_root, "keep.md"), "mine");

        Assert.Throws<IOException>(() => SyntheticVault.Write(_root, 5, 1));

        Assert.Equal(["keep.md"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    private static Dictionary<string, string> Hashes(string directory) =>
        Directory.EnumerateFiles(directory, "*.md", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
