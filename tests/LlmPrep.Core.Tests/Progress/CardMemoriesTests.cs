using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Tests.Progress;

/// <summary>A card's memory found without making its id is the memory its id finds.</summary>
public sealed class CardMemoriesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Finds_for_every_card_what_a_lookup_by_its_id_finds()
    {
        var random = new Random(3);
        string[] pieces = ["a", "b", "a-", "a.", "a/b", "ab", "0", "-", "é"];
        var notes = Enumerable.Range(0, 300).Select(i => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => pieces[random.Next(pieces.Length)]))).Distinct().ToList();
        var cards = notes.SelectMany(n => Enumerable.Range(0, random.Next(1, 4)).Select(c => new QuizCard($"{n}/q{c}", n, "Q?", "A.", ["point"], 1))).ToList();
        // Cards whose ids do not start with their note's id, and one made from another card with a new note id.
        cards.Add(new QuizCard("elsewhere/q", "a", "Q?", "A.", ["point"], 1));
        cards.Add(new QuizCard("a", "a", "Q?", "A.", ["point"], 1));
        cards.Add(cards[0] with { NoteId = "moved" });

        var byCard = new Dictionary<string, CardMemory>(StringComparer.Ordinal);
        foreach (var card in cards.Where(_ => random.Next(5) == 0))
        {
            byCard[card.Id] = CardMemory.New(T0.AddMinutes(byCard.Count));
        }

        byCard["elsewhere/q"] = CardMemory.New(T0);
        byCard["a"] = CardMemory.New(T0);
        byCard["not-in-the-corpus/q"] = CardMemory.New(T0);
        var memories = new CardMemories(byCard);

        Assert.True(byCard.Count > 50, $"{byCard.Count} memories");
        Assert.All(cards, card => Assert.Same(byCard.GetValueOrDefault(card.Id), memories.Of(card)));
        Assert.Equal(byCard.Count, memories.Count);
    }

    [Fact]
    public void No_memories_means_every_card_is_new()
    {
        var memories = new CardMemories(new Dictionary<string, CardMemory>());

        Assert.Null(memories.Of(new QuizCard("n/q", "n", "Q?", "A.", ["point"], 1)));
        Assert.Equal(0, memories.Count);
    }
}
