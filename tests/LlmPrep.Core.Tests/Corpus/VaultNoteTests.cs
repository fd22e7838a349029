using LlmPrep.Core.Corpus;
using LlmPrep.Core.Search;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Corpus;

/// <summary>A person's own Obsidian, Hugo or Jekyll notes: front matter of any shape is never a problem.</summary>
public sealed class VaultNoteTests : IDisposable
{
    private readonly TempCorpus _vault = new();

    /// <summary>Front matter as Obsidian, Hugo and Jekyll write it, none of it declaring an LlmPrep 'id'.</summary>
    private static readonly string[] FrontMatters =
    [
        "title: Attention notes\ntags: [ml, transformers]\ndate: 2024-03-01",
        "title: \"Retrieval: a primer\"\nstatus: draft\ndate: 2024-03-02\ntags:\n  - rag\n  - retrieval",
        "aliases: [Attention is all you need]\ncssclass: wide\npublish: true",
        "title: Serving\nsection: blog\nlevel: 3\npriority: high\nlayout: post\ncategories: [notes]",
        "tags: inbox todo\nauthor:\n  name: Sam\n  url: https://example.com\ndescription: >\n  A folded\n  description.",
        "summary: |\n  Line one.\n  Line two.\nweight: 10\ndraft: false",
        "alias: Reciprocal rank fusion\ntag: rrf",
        "created: 2024-01-01T10:00:00\nupdated: '2024-01-02'\nrating: 4.5\nsource: [[Some note]]",
    ];

    [Fact]
    public void Generated_vault_with_ordinary_front_matter_has_no_errors()
    {
        for (var i = 0; i < 200; i++)
        {
            var frontMatter = FrontMatters[i % FrontMatters.Length];
            _vault.Write($"Folder {i % 7}/Note {i}.md", $"---\n{frontMatter}\n---\n\n# Note {i}\n\nSome text about #topic{i % 5} and retrieval.\n");
        }

        var corpus = _vault.Load();

        Assert.Equal(200, corpus.Notes.Count);
        Assert.Empty(corpus.Problems);
        Assert.All(corpus.Notes, n => Assert.False(n.HasFrontMatter));
    }

    [Fact]
    public void Front_matter_tags_and_inline_tags_count_together()
    {
        var problems = new List<CorpusProblem>();
        var note = NoteParser.Parse("Study/Serving.md", "---\ntitle: Serving\ntags: [LLM, inference]\ndate: 2024-03-01\n---\n\n# Serving\n\nBatching is #performance work, see #gpu/memory.\n", problems);

        Assert.Empty(problems);
        Assert.Equal(["llm", "inference", "performance", "gpu/memory"], note.Tags);
        Assert.Equal("Serving", note.Title);
        Assert.Equal("Study", note.Section);
    }

    [Fact]
    public void A_section_key_of_a_vault_note_does_not_move_it_out_of_its_folder()
    {
        var note = NoteParser.Parse("Study/Serving.md", "---\nsection: blog\nlevel: 3\n---\n\n# Serving\n", new List<CorpusProblem>());

        Assert.Equal("Study", note.Section);
    }

    [Fact]
    public void Front_matter_aliases_are_search_aliases()
    {
        _vault.Write("Study/RRF.md", "---\naliases: [Borda-style fusion]\ntags: [retrieval]\n---\n\n# RRF\n\nMerge two rankings.\n");
        _vault.Write("Study/Fusion.md", "---\nalias: Reciprocal rank fusion\n---\n\n# Fusion\n\nA note with a one-line alias.\n");
        using var library = StudyLibrary.Open(_vault.Options);

        Assert.Equal(["Reciprocal rank fusion"], library.Corpus.FindById("study-fusion")!.Aliases);
        Assert.Equal("study-rrf", library.Search(new SearchRequest("borda")).Hits[0].NoteId);
        Assert.Equal("study-fusion", library.Search(new SearchRequest("\"reciprocal rank fusion\"")).Hits[0].NoteId);
    }

    [Fact]
    public void A_note_declaring_an_id_is_still_checked_as_a_corpus_note()
    {
        var problems = new List<CorpusProblem>();
        NoteParser.Parse("01-foundations/x.md", "---\nid: x\ntitle: X\n---\n\n# X\n", problems);

        Assert.Contains(problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("'level' is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Unclosed_front_matter_is_an_error_only_when_it_declares_an_id()
    {
        var vault = new List<CorpusProblem>();
        NoteParser.Parse("Study/a.md", "---\ntitle: A\n\n# A\n\ntext\n", vault);
        var corpus = new List<CorpusProblem>();
        NoteParser.Parse("01-foundations/b.md", "---\nid: b\ntitle: B\n\n# B\n", corpus);

        Assert.Empty(vault);
        Assert.Contains(corpus, p => p.Message.Contains("never closed", StringComparison.Ordinal));
    }

    public void Dispose() => _vault.Dispose();
}
