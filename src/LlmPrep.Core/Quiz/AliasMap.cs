using System.Text.RegularExpressions;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// Acronyms and what they stand for ("RRF" = "reciprocal rank fusion"), so an answer that uses one
/// covers a key point that uses the other. Pairs come from a note's title and aliases and from
/// definitions written in the notes such as "time to first token (TTFT)"; a pair is kept only when
/// the acronym's capitals are the initials of the phrase, so unrelated aliases never merge.
/// </summary>
public sealed partial class AliasMap
{
    private readonly List<(HashSet<string> Acronym, HashSet<string> Phrase)> _pairs = [];

    public AliasMap(IEnumerable<Note> notes)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var note in notes)
        {
            var names = note.Aliases.Append(note.Title).ToList();
            foreach (var acronym in names.Where(IsAcronym))
            {
                foreach (var phrase in names.Where(p => Stands(acronym, p)))
                {
                    Add(acronym, phrase, seen);
                }
            }

            foreach (Match definition in PhraseThenAcronym().Matches(note.Body))
            {
                if (Stands(definition.Groups["acronym"].Value, definition.Groups["phrase"].Value))
                {
                    Add(definition.Groups["acronym"].Value, definition.Groups["phrase"].Value, seen);
                }
            }

            foreach (Match definition in AcronymThenPhrase().Matches(note.Body))
            {
                if (Stands(definition.Groups["acronym"].Value, definition.Groups["phrase"].Value))
                {
                    Add(definition.Groups["acronym"].Value, definition.Groups["phrase"].Value, seen);
                }
            }
        }
    }

    public static AliasMap Empty { get; } = new([]);

    public int Count => _pairs.Count;

    /// <summary>Adds the terms of the other side of every pair one side of which the terms fully contain.</summary>
    public HashSet<string> Expand(HashSet<string> terms)
    {
        var expanded = new HashSet<string>(terms, StringComparer.Ordinal);
        foreach (var (acronym, phrase) in _pairs)
        {
            if (acronym.IsSubsetOf(terms))
            {
                expanded.UnionWith(phrase);
            }
            else if (phrase.IsSubsetOf(terms))
            {
                expanded.UnionWith(acronym);
            }
        }

        return expanded;
    }

    /// <summary>True when <paramref name="acronym"/>'s capitals spell the initials of <paramref name="phrase"/>'s words.</summary>
    public static bool Stands(string acronym, string phrase)
    {
        if (!IsAcronym(acronym))
        {
            return false;
        }

        var capitals = new string(acronym.Where(char.IsUpper).Select(char.ToLowerInvariant).ToArray());
        var words = phrase.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).ToList();
        if (words.Count < 2)
        {
            return false;
        }

        var initials = new string(words.Select(w => char.ToLowerInvariant(w[0])).ToArray());
        var contentInitials = new string(words.Where(w => w.Length > 3 || !MinorWords.Contains(w.ToLowerInvariant())).Select(w => char.ToLowerInvariant(w[0])).ToArray());
        return capitals == initials || capitals == contentInitials;
    }

    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal) { "a", "an", "as", "at", "by", "for", "in", "of", "on", "the", "to", "and", "or", "via", "with" };

    private static bool IsAcronym(string name) =>
        name.Length is >= 2 and <= 8 && !name.Contains(' ', StringComparison.Ordinal) && name.Count(char.IsUpper) >= 2 && char.IsUpper(name[0]);

    private void Add(string acronym, string phrase, HashSet<(string, string)> seen)
    {
        var a = TextTerms.Of(acronym);
        var p = TextTerms.Of(phrase);
        if (a.Count > 0 && p.Count > 0 && seen.Add((string.Join(' ', a.Order()), string.Join(' ', p.Order()))))
        {
            _pairs.Add((a, p));
        }
    }

    [GeneratedRegex(@"(?<phrase>\b[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+){1,5}) \((?<acronym>[A-Z][A-Za-z]{1,7})\)")]
    private static partial Regex PhraseThenAcronym();

    [GeneratedRegex(@"\b(?<acronym>[A-Z][A-Za-z]{1,7}) \((?<phrase>[a-z][a-z]+(?:[ -][a-z]+){1,5})\)")]
    private static partial Regex AcronymThenPhrase();
}
