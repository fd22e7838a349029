using System.Text.Json;
using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Grading;

/// <summary>
/// Answers to real cards, each with the rating an interviewer would give: the yardstick every judge is measured
/// against. Kinds: <c>correct</c> (right, in the candidate's own words), <c>half</c> (half the key points),
/// <c>wrong</c> (confident, the right vocabulary, false statements) and <c>filler</c> (vague, says nothing).
/// </summary>
public sealed record GradingSet(string Name, string About, IReadOnlyList<GradingCard> Cards)
{
    public static readonly IReadOnlyList<string> Kinds = ["correct", "half", "wrong", "filler"];

    /// <summary>Every answer with its card id.</summary>
    public IEnumerable<(string CardId, GradedAnswer Answer)> Answers => Cards.SelectMany(c => c.Answers.Select(a => (c.Card, a)));

    /// <summary>Reads and checks a set; a malformed file is a <see cref="GradingSetException"/> naming what is wrong.</summary>
    public static GradingSet Load(string path)
    {
        GradingSet? set;
        try
        {
            set = JsonSerializer.Deserialize(File.ReadAllText(path), GradingSetJsonContext.Default.GradingSet);
        }
        catch (JsonException ex)
        {
            throw new GradingSetException($"{path} is not a valid grading set: {ex.Message}");
        }

        if (set?.Cards is null || set.Cards.Count == 0)
        {
            throw new GradingSetException($"{path} has no cards");
        }

        foreach (var (card, answer) in set.Answers)
        {
            if (string.IsNullOrWhiteSpace(card) || answer?.Text is null || !Kinds.Contains(answer.Kind) || !Enum.TryParse<Rating>(answer.Rating, ignoreCase: true, out _))
            {
                throw new GradingSetException($"{path}: an answer to '{card}' needs a kind ({string.Join(", ", Kinds)}), a rating (again, hard, good, easy) and text");
            }
        }

        return set with { Name = string.IsNullOrWhiteSpace(set.Name) ? Path.GetFileNameWithoutExtension(path) : set.Name };
    }
}

/// <summary>A card of the set and the answers given to it.</summary>
public sealed record GradingCard(string Card, IReadOnlyList<GradedAnswer> Answers);

/// <summary>One answer: its kind, the rating an interviewer gives it, and the words.</summary>
public sealed record GradedAnswer(string Kind, string Rating, string Text)
{
    public Rating Expected => Enum.Parse<Rating>(Rating, ignoreCase: true);
}
