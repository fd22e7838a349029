using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

public sealed class CorpusLoaderTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public void A_broken_note_does_not_stop_the_rest()
    {
        _corpus.WriteNote("01-foundations", "good", "Good note", "Text [[other]].");
        _corpus.WriteNote("01-foundations", "other", "Other note", "Text.");
        _corpus.Write("01-foundations/broken.md", "---\nid: broken\nlevel: [\n---\n");
        _corpus.Write("README.md", "# Not a note");

        var snapshot = _corpus.Load();

        Assert.Equal(["01-foundations/broken", "01-foundations/good", "01-foundations/other"], snapshot.Notes.Select(n => n.Path));
        Assert.NotNull(snapshot.FindById("good"));
        Assert.Contains(snapshot.Problems, p => p.File == "01-foundations/broken.md" && p.Severity == ProblemSeverity.Error);
        Assert.DoesNotContain(snapshot.Problems, p => p.Severity == ProblemSeverity.Error && p.File.Contains("good", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_ids_are_reported_and_the_second_is_skipped()
    {
        _corpus.WriteNote("01-foundations", "same", "First", "Text.");
        _corpus.Write("02-prompt-engineering/copy.md", Notes.Valid("02-prompt-engineering", "same", "Second", "Text."));

        var snapshot = _corpus.Load();

        Assert.Single(snapshot.Notes);
        Assert.Equal("First", snapshot.FindById("same")!.Title);
        Assert.Contains(snapshot.Problems, p => p.File == "02-prompt-engineering/copy.md" && p.Message.Contains("already used", StringComparison.Ordinal));
    }

    [Fact]
    public void Unresolved_links_and_headings_are_errors_with_lines()
    {
        _corpus.WriteNote("01-foundations", "a", "A", "See [[missing-note]] and [[b#No such heading]] and [[b#Quiz]].");
        _corpus.WriteNote("01-foundations", "b", "B", "Text.");

        var snapshot = _corpus.Load();

        var problems = snapshot.Problems.Where(p => p.File == "01-foundations/a.md" && p.Severity == ProblemSeverity.Error).ToList();
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(15, p.Line));
        Assert.Contains(problems, p => p.Message.Contains("[[missing-note]]", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("no heading 'No such heading'", StringComparison.Ordinal));
    }

    [Fact]
    public void Symlinks_and_hidden_folders_are_not_followed()
    {
        var outside = Directory.CreateTempSubdirectory("llmprep-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.md"), Notes.Valid("x", "secret", "Secret", "Outside the root."));
            _corpus.WriteNote("01-foundations", "inside", "Inside", "Text.");
            Directory.CreateSymbolicLink(Path.Combine(_corpus.Root, "linked"), outside);
            File.CreateSymbolicLink(Path.Combine(_corpus.Root, "01-foundations", "link.md"), Path.Combine(outside, "secret.md"));
            _corpus.Write(".obsidian/hidden.md", "# Hidden");

            var snapshot = _corpus.Load();

            Assert.Equal(["inside"], snapshot.Notes.Select(n => n.Id));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    public void Dispose() => _corpus.Dispose();
}
