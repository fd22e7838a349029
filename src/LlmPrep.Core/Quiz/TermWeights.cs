using System.Runtime.InteropServices;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// How much a term tells about a key point: rare terms across the corpus's key points ("RRF", "60", "saturate")
/// weigh more than common ones ("model", "token"). Inverse document frequency over cards.
/// </summary>
public sealed class TermWeights
{
    private readonly Dictionary<string, int> _cardsWith = new(StringComparer.Ordinal);
    private readonly int _cards;

    public TermWeights(IEnumerable<QuizCard> cards, AliasMap aliases)
    {
        // A large vault's cards hold millions of words but far fewer distinct ones: the reader stems each once. Each
        // card's key points are read into one reused buffer, not made strings (most of what this would allocate).
        var reader = aliases.NewPrimaryKeys();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var (points, scratch) = (new TextBuffer(), new TextBuffer());
        foreach (var card in cards)
        {
            _cards++;
            keys.Clear();
            points.Clear();
            card.ReadKeyPoints(points, scratch);
            for (var i = 0; i < points.Count; i++)
            {
                reader.AddTo(points[i], keys);
            }

            foreach (var key in keys)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_cardsWith, key, out _)++;
            }
        }

        _cardsWith.TrimExcess();
    }

    /// <summary>Every term weighs the same.</summary>
    public static TermWeights Uniform { get; } = new([], AliasMap.Empty);

    /// <summary>The weight of a term, 1 for the commonest and up to about 8 for one card's own.</summary>
    public double Of(Term term)
    {
        if (_cards == 0)
        {
            return 1;
        }

        return 1 + Math.Log((_cards + 1.0) / (_cardsWith.GetValueOrDefault(term.Primary) + 1.0));
    }

    /// <summary>Share of cards whose key points use the term.</summary>
    public double Spread(Term term) => _cards == 0 ? 0 : _cardsWith.GetValueOrDefault(term.Primary) / (double)_cards;
}
