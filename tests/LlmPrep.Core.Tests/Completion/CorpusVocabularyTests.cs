using LlmPrep.Core.Completion;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Completion;

/// <summary>The completion lists drawn from the bundled corpus.</summary>
public class CorpusVocabularyTests
{
    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);
    private static readonly CorpusVocabulary Vocabulary = CorpusVocabulary.For(Corpus);

    [Fact]
    public void Is_built_once_per_snapshot() => Assert.Same(Vocabulary, CorpusVocabulary.For(Corpus));

    [Fact]
    public void Topics_cover_sections_tags_ids_and_titles()
    {
        var values = Vocabulary.Topics.Complete("retr").Values;

        Assert.Contains("retrieval", values.Take(3));
        Assert.Contains("retrieval-vs-ranking", values);
        Assert.Contains("rag-and-embeddings", Vocabulary.Topics.Complete("rag-and").Values);
        Assert.Contains("03-rag-and-embeddings", Vocabulary.Topics.Complete("03").Values);
    }

    [Fact]
    public void Concepts_include_glossary_terms_and_aliases()
    {
        Assert.Contains("time to first token", Vocabulary.Concepts.Complete("time to f").Values);
        Assert.Contains("large language model", Vocabulary.Concepts.Complete("large lang").Values);
        Assert.Contains("reciprocal rank fusion", Vocabulary.Concepts.Complete("reciprocal").Values);
        Assert.Equal("reranking", Vocabulary.Concepts.Complete("rerankng").Values[0]);
    }

    [Fact]
    public void Glossary_terms_know_their_section()
    {
        var term = Assert.Single(Vocabulary.GlossaryTerms, t => t.Term == "TTFT");

        Assert.Equal("generation-and-inference", term.Anchor);
    }

    [Fact]
    public void Scenarios_are_the_case_studies()
    {
        Assert.All(Vocabulary.CaseStudies, n => Assert.StartsWith("case-", n.Id, StringComparison.Ordinal));
        Assert.Equal(NotePriority.Must, Vocabulary.CaseStudies[0].Priority);
        Assert.Contains("design a RAG assistant for a bank with regulated PII", Vocabulary.Scenarios.Complete("design a rag").Values);
        Assert.Contains("case-bank-rag", Vocabulary.Scenarios.Complete("bank").Values);
    }

    [Fact]
    public void Themes_come_from_the_stories_and_the_questions_they_answer()
    {
        Assert.Contains(Vocabulary.Themes, t => t.Name == "a hard bug you debugged" && t.Anchor.StartsWith("story-2", StringComparison.Ordinal));
        Assert.Contains(Vocabulary.Themes, t => t.Name == "Tell me about a failure");
        Assert.Contains("a hard bug you debugged", Vocabulary.ThemeNames.Complete("hard bug").Values);
    }

    [Fact]
    public void Paths_complete_by_folder_or_note_name()
    {
        Assert.Equal("03-rag-and-embeddings/hybrid-search", Vocabulary.Paths.Complete("hybrid").Values[0]);
        Assert.All(Vocabulary.Paths.Complete("03-rag").Values, p => Assert.StartsWith("03-rag-and-embeddings/", p, StringComparison.Ordinal));
    }
}
