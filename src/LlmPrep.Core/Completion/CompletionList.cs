namespace LlmPrep.Core.Completion;

/// <summary>
/// A fixed set of completion values ranked against what a person has typed: values that start with it
/// first, then values with a later word that starts with it, then fuzzy matches (a typo or two, or the
/// typed letters in order). Case and separators are ignored, so "kv cache" finds "kv-cache-context-windows".
/// Within a kind, closer matches come first (an exact value, an earlier word, fewer typos), then shorter
/// values (the least left to type), then the order the values were given in.
/// </summary>
public sealed class CompletionList
{
    /// <summary>The most values one completion answer may carry (the MCP limit).</summary>
    public const int MaxValues = 100;

    /// <summary>Longer input is not a partial value of anything here; it matches nothing.</summary>
    public const int MaxInputLength = 200;

    /// <summary>Fuzzy scores from here up are letters-in-order matches; below it, typos (10 per edit).</summary>
    public const int LooseScore = 40;

    private readonly Entry[] _entries;

    /// <param name="values">The values in order of preference; blanks and case-insensitive duplicates are dropped.</param>
    public CompletionList(IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<Entry>();
        foreach (var raw in values)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value) || !seen.Add(value))
            {
                continue;
            }

            var folded = FuzzyText.Fold(value);
            if (folded.Length > 0)
            {
                entries.Add(new Entry(value, folded, FuzzyText.WordStarts(folded), entries.Count));
            }
        }

        _entries = [.. entries];
    }

    public int Count => _entries.Length;

    public IEnumerable<string> Values => _entries.Select(e => e.Value);

    /// <summary>Every value that matches <paramref name="typed"/>, best first; every value, in order, when nothing is typed.</summary>
    public IReadOnlyList<CompletionMatch> Match(string? typed)
    {
        var input = FuzzyText.Fold(typed ?? "");
        if (input.Length == 0)
        {
            return [.. _entries.Select(e => new CompletionMatch(e.Value, MatchKind.Prefix, 0))];
        }

        if (input.Length > MaxInputLength)
        {
            return [];
        }

        // Short input allows no typos: "retr" would otherwise also find "rerank" and "rewrite".
        var maxDistance = input.Length switch { <= 4 => 0, <= 8 => 1, _ => 2 };
        var ranked = new List<(CompletionMatch Match, Entry Entry)>();
        foreach (var entry in _entries)
        {
            if (Classify(input, maxDistance, entry) is { } match)
            {
                ranked.Add((match, entry));
            }
        }

        ranked.Sort(static (a, b) =>
        {
            var order = a.Match.Kind.CompareTo(b.Match.Kind);
            order = order != 0 ? order : a.Match.Score.CompareTo(b.Match.Score);
            order = order != 0 ? order : a.Entry.Folded.Length.CompareTo(b.Entry.Folded.Length);
            return order != 0 ? order : a.Entry.Order.CompareTo(b.Entry.Order);
        });
        return [.. ranked.Select(r => r.Match)];
    }

    /// <summary>The best <paramref name="limit"/> values (at most <see cref="MaxValues"/>), the total that matched, and whether any were cut.</summary>
    public CompletionResult Complete(string? typed, int limit = MaxValues)
    {
        limit = Math.Clamp(limit, 0, MaxValues);
        var matches = Match(typed);
        var values = matches.Take(limit).Select(m => m.Value).ToList();
        return new CompletionResult(values, matches.Count, matches.Count > values.Count);
    }

    private static CompletionMatch? Classify(string input, int maxDistance, Entry entry)
    {
        var text = entry.Folded;
        if (text.StartsWith(input, StringComparison.Ordinal))
        {
            return new CompletionMatch(entry.Value, MatchKind.Prefix, text.Length == input.Length ? 0 : 1);
        }

        for (var w = 1; w < entry.WordStarts.Length; w++)
        {
            if (string.CompareOrdinal(text, entry.WordStarts[w], input, 0, input.Length) == 0)
            {
                return new CompletionMatch(entry.Value, MatchKind.WordStart, w);
            }
        }

        if (input.Length < 3)
        {
            return null;
        }

        // Typos score 10 per edit (plus the word they fall in); letters in order score from LooseScore up, by how spread out they are.
        int? score = null;
        if (maxDistance > 0)
        {
            for (var w = 0; w < entry.WordStarts.Length; w++)
            {
                if (FuzzyText.PrefixDistance(input, text, entry.WordStarts[w], maxDistance) is { } distance)
                {
                    score = 10 * distance + Math.Min(w, 9);
                    break;
                }
            }
        }

        // Letters in order only from five letters on, and close together, or short input would match most long values.
        if (input.Length >= 5 && FuzzyText.SubsequenceGap(input, text, entry.WordStarts) is { } gap && gap <= 2 * input.Length
            && (score is null || LooseScore + gap < score))
        {
            score = LooseScore + gap;
        }

        return score is { } s ? new CompletionMatch(entry.Value, MatchKind.Fuzzy, s) : null;
    }

    private sealed record Entry(string Value, string Folded, int[] WordStarts, int Order);
}
