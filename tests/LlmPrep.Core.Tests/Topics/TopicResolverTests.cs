using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Tests.Support;
using LlmPrep.Core.Topics;

namespace LlmPrep.Core.Tests.Topics;

/// <summary>On the bundled corpus: a topic means the note that teaches it, not the glossary that lists every acronym.</summary>
public sealed class TopicResolverTests : IDisposable
{
    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "llmprep-topics-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string> Topics => new()
    {
        { "lora", "lora-qlora" },
        { "LoRA", "lora-qlora" },
        { "qlora", "lora-qlora" },
        { "mcp", "model-context-protocol" },
        { "rrf", "hybrid-search" },
        { "bm25", "hybrid-search" },
        { "dpo", "preference-alignment" },
        { "sft", "supervised-fine-tuning" },
        { "kv cache", "kv-cache-context-windows" },
        { "rag evaluation", "rag-evaluation" },
        { "hnsw", "vector-databases" },
        { "react", "agent-loops-react" },
        { "reciprocal rank fusion", "hybrid-search" },
        { "prompt injection", "prompt-injection" },
        { "ttft", "streaming" },
    };

    [Theory]
    [MemberData(nameof(Topics))]
    public void The_teaching_note_comes_first(string topic, string noteId)
    {
        var matches = TopicResolver.For(Corpus).Resolve(topic);

        Assert.Equal(noteId, matches[0].Note.Id);
        Assert.DoesNotContain(matches, m => m.Note.Id == "key-terminology");
    }

    [Theory]
    [MemberData(nameof(Topics))]
    public void The_first_three_quiz_cards_come_from_the_teaching_note(string topic, string noteId)
    {
        using var store = ProgressStore.Open(Path.Combine(_data, $"{Guid.NewGuid():N}.db"));
        var quiz = new QuizService(store, new FsrsScheduler(), new ManualTime(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero)));

        var served = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var next = quiz.Next(Corpus, new QuizScope(Topic: topic));
            served.Add(next.Card!.NoteId);
            var card = Corpus.FindCard(next.Card.CardId)!;
            quiz.Answer(Corpus, card, "answer", new Grade(1, Rating.Good, card.KeyPoints, [], "ok", "key_points"), selfRating: null);
        }

        Assert.All(served, id => Assert.Equal(noteId, id));
    }

    [Fact]
    public void The_glossary_counts_when_asked_for_by_name_or_when_nothing_else_matches()
    {
        var resolver = TopicResolver.For(Corpus);

        Assert.Equal("key-terminology", resolver.Resolve("glossary")[0].Note.Id);
        Assert.Equal("key-terminology", resolver.Resolve("key-terminology").Single().Note.Id);
        Assert.Equal("study-plan", resolver.Resolve("study plan")[0].Note.Id);
        Assert.DoesNotContain(resolver.Resolve("rag"), m => TopicResolver.IsReference(m.Note));
    }

    [Fact]
    public void A_section_topic_keeps_to_the_section_and_filters_apply_first()
    {
        var resolver = TopicResolver.For(Corpus);

        var section = resolver.Resolve("05");
        Assert.All(section, m => Assert.Equal("05-fine-tuning-and-alignment", m.Note.Section));

        var must = Corpus.Notes.Where(n => n.Priority == NotePriority.Must && n.Id != "lora-qlora");
        Assert.DoesNotContain(resolver.Resolve("lora", must), m => m.Note.Id == "lora-qlora");
        Assert.Empty(resolver.Resolve("zzzz qqqq"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
