using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Core.Tests.Quiz;

/// <summary>Short texts a person reads often: they must read as plain English.</summary>
public class SmallTextTests
{
    [Fact]
    public void A_card_with_one_key_point_says_so_in_the_singular()
    {
        var card = new QuizCard("n/q", "n", "What does cosine similarity compare?", "The angle between embeddings.", ["the angle between embedding vectors"], 1);

        var grade = new KeyPointGrader(AliasMap.Empty).Grade(card, "the angle between embedding vectors");

        Assert.Equal("You covered the key point.", grade.Feedback);
    }

    [Theory]
    [InlineData("05-fine-tuning-and-alignment", "Fine-tuning and alignment")]
    [InlineData("03-rag-and-embeddings", "RAG and embeddings")]
    [InlineData("08-python-for-genai", "Python for GenAI")]
    [InlineData("04-agents-and-tool-use", "Agents and tool use")]
    [InlineData("pre-training-notes", "Pre-training notes")]
    public void Section_names_read_as_written(string folder, string expected) =>
        Assert.Equal(expected, SectionNames.Display(folder));
}
