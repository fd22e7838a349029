using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>
/// The fingerprint of the corpus listing: the same whether taken from the folders directly or from a scan, blind to
/// files that are not notes, and changed by any note added, removed, renamed, resized or written with a new time.
/// </summary>
public sealed class CorpusFingerprintTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    public CorpusFingerprintTests()
    {
        _corpus.WriteNote("01-foundations", "tokenization", "Tokenization", "Byte pair encoding merges frequent pairs.");
        _corpus.WriteNote("01-foundations", "attention", "Attention", "Queries, keys and values.");
        _corpus.Write("03-rag-and-embeddings/deeper/chunking.md", Notes.Valid("03-rag-and-embeddings", "chunking", "Chunking", "Overlap."));
        _corpus.Write("03-rag-and-embeddings/README.md", Notes.Valid("03-rag-and-embeddings", "readme", "Readme", "A note too."));
        _corpus.Write("loose.md", Notes.Valid("01-foundations", "loose", "Loose", "At the root."));
    }

    private IReadOnlyList<CorpusRoot> Roots => _corpus.Options.Roots;

    [Fact]
    public void The_listing_and_the_scan_give_the_same_fingerprint()
    {
        var listed = CorpusFingerprint.Of(Roots);
        var scan = CorpusScan.Of(Roots);

        Assert.Equal(5, scan.Files.Count);
        Assert.Equal(5, listed.Files);
        Assert.Equal(CorpusFingerprint.Of(scan), listed);
    }

    [Fact]
    public void Files_that_are_not_notes_leave_it_as_it_is()
    {
        var before = CorpusFingerprint.Of(Roots);

        _corpus.Write("README.md", "# The vault");
        _corpus.Write("01-foundations/.draft.md", "hidden");
        _corpus.Write(".obsidian/workspace.md", "settings");
        _corpus.Write("01-foundations/notes.txt", "not markdown");

        Assert.Equal(before, CorpusFingerprint.Of(Roots));
        Assert.Equal(before, CorpusFingerprint.Of(CorpusScan.Of(Roots)));
    }

    [Fact]
    public void Links_to_notes_and_folders_are_left_out_as_the_scan_leaves_them()
    {
        var before = CorpusFingerprint.Of(Roots);
        var outside = Directory.CreateTempSubdirectory("llmprep-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "elsewhere.md"), Notes.Valid("01-foundations", "elsewhere", "Elsewhere", "Out of the root."));
            File.CreateSymbolicLink(Path.Combine(_corpus.Root, "01-foundations", "linked.md"), Path.Combine(outside, "elsewhere.md"));
            Directory.CreateSymbolicLink(Path.Combine(_corpus.Root, "linked-folder"), outside);

            Assert.Equal(5, CorpusScan.Of(Roots).Files.Count);
            Assert.Equal(before, CorpusFingerprint.Of(Roots));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void A_new_time_changes_it()
    {
        var before = CorpusFingerprint.Of(Roots);
        var path = Path.Combine(_corpus.Root, "01-foundations", "attention.md");

        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(2));

        Assert.NotEqual(before, CorpusFingerprint.Of(Roots));
        Assert.Equal(CorpusFingerprint.Of(CorpusScan.Of(Roots)), CorpusFingerprint.Of(Roots));
    }

    [Fact]
    public void A_new_size_changes_it()
    {
        var path = Path.Combine(_corpus.Root, "loose.md");
        var time = File.GetLastWriteTimeUtc(path);
        var before = CorpusFingerprint.Of(Roots);

        File.AppendAllText(path, "More.\n");
        File.SetLastWriteTimeUtc(path, time);

        Assert.NotEqual(before, CorpusFingerprint.Of(Roots));
    }

    [Fact]
    public void A_note_added_removed_or_renamed_changes_it()
    {
        var first = CorpusFingerprint.Of(Roots);
        var path = Path.Combine(_corpus.Root, "01-foundations", "attention.md");
        var renamed = Path.Combine(_corpus.Root, "01-foundations", "attention-2.md");

        File.Move(path, renamed);
        var moved = CorpusFingerprint.Of(Roots);
        File.Delete(renamed);
        var removed = CorpusFingerprint.Of(Roots);
        _corpus.WriteNote("05-fine-tuning-and-alignment", "lora", "LoRA", "Low rank adapters.");
        var added = CorpusFingerprint.Of(Roots);

        Assert.Equal(5, moved.Files);
        Assert.Equal(4, removed.Files);
        Assert.Equal(5, added.Files);
        Assert.Equal(4, new[] { first, moved, removed, added }.Select(f => f.Text).Distinct().Count());
    }

    [Fact]
    public void The_root_name_is_part_of_it()
    {
        var renamed = Roots.Select(root => root with { Name = "other" }).ToList();

        Assert.NotEqual(CorpusFingerprint.Of(Roots), CorpusFingerprint.Of(renamed));
        Assert.Equal(CorpusFingerprint.Of(CorpusScan.Of(renamed)), CorpusFingerprint.Of(renamed));
    }

    public void Dispose() => _corpus.Dispose();
}
