using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// Groups of names for the same thing, from note titles and aliases ("RRF" = "reciprocal rank fusion"),
/// so an answer that uses one name covers a key point that uses another.
/// </summary>
public sealed class AliasMap
{
    private readonly List<List<HashSet<string>>> _groups = [];

    public AliasMap(IEnumerable<Note> notes)
    {
        foreach (var note in notes)
        {
            var names = note.Aliases.Append(note.Title).Select(TextTerms.Of).Where(t => t.Count is > 0 and <= 5).ToList();
            if (names.Count > 1)
            {
                _groups.Add(names);
            }
        }
    }

    public static AliasMap Empty { get; } = new([]);

    /// <summary>Adds to <paramref name="terms"/> the terms of every other name of each group one of whose names it fully contains.</summary>
    public HashSet<string> Expand(HashSet<string> terms)
    {
        var expanded = new HashSet<string>(terms, StringComparer.Ordinal);
        foreach (var group in _groups)
        {
            if (group.Any(name => name.IsSubsetOf(terms)))
            {
                foreach (var name in group)
                {
                    expanded.UnionWith(name);
                }
            }
        }

        return expanded;
    }
}
