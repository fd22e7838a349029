using System.Text.RegularExpressions;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// Words and phrases that mean the same thing, so an answer in other words still meets a key point. Three sources:
/// acronyms and what they stand for ("RRF" = "reciprocal rank fusion", from a note's title and aliases and from
/// definitions such as "time to first token (TTFT)", kept only when the capitals are the phrase's initials, so
/// unrelated aliases never merge); the glossary notes' own pairs ("**Parameters (weights)**"); and
/// <see cref="DomainSynonyms"/>. <see cref="Terms"/> turns text into terms whose keys meet when they mean the same.
/// </summary>
public sealed partial class AliasMap
{
    /// <summary>Phrase entries by their first stem: the stems of the phrase and the groups it belongs to.</summary>
    private readonly Dictionary<string, (string[] Stems, string[] Groups)[]> _entries;

    /// <summary>How many acronym-phrase pairs the corpus defines.</summary>
    private readonly int _acronymCount;

    public AliasMap(IEnumerable<Note> notes)
        : this(notes, DomainSynonyms.Groups)
    {
    }

    public AliasMap(IEnumerable<Note> notes, IEnumerable<string> synonymGroups)
    {
        var builder = new Builder();
        foreach (var note in notes)
        {
            var names = note.Aliases.Append(note.Title).ToList();
            foreach (var acronym in names.Where(IsAcronym))
            {
                foreach (var phrase in names.Where(p => Stands(acronym, p)))
                {
                    builder.AddAcronym(acronym, phrase);
                }
            }

            foreach (Match definition in PhraseThenAcronym().Matches(note.Body))
            {
                if (Stands(definition.Groups["acronym"].Value, definition.Groups["phrase"].Value))
                {
                    builder.AddAcronym(definition.Groups["acronym"].Value, definition.Groups["phrase"].Value);
                }
            }

            foreach (Match definition in AcronymThenPhrase().Matches(note.Body))
            {
                if (Stands(definition.Groups["acronym"].Value, definition.Groups["phrase"].Value))
                {
                    builder.AddAcronym(definition.Groups["acronym"].Value, definition.Groups["phrase"].Value);
                }
            }

            if (note.Tags.Contains("glossary", StringComparer.OrdinalIgnoreCase))
            {
                builder.AddGlossary(note.Body);
            }
        }

        foreach (var group in synonymGroups)
        {
            builder.AddGroup(group.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        _entries = builder.Entries();
        _acronymCount = builder.AcronymCount;
    }

    public static AliasMap Empty { get; } = new([], []);

    /// <summary>How many acronym-phrase pairs the corpus defines.</summary>
    public int Count => _acronymCount;

    /// <summary>The terms of <paramref name="text"/> in order, phrases of the map joined into one term.</summary>
    public List<Term> Terms(string text)
    {
        var words = TextTerms.Words(text).ToList();
        var stems = words.Select(AnswerWords.Stem).ToList();
        var terms = new List<Term>();
        var i = 0;
        while (i < words.Count)
        {
            var (length, groups) = LongestEntry(stems, i);
            if (length > 1)
            {
                terms.Add(new Term(string.Join(' ', words.Skip(i).Take(length)), [.. groups.Order(StringComparer.Ordinal)], i));
                i += length;
                continue;
            }

            if (!AnswerWords.IsStopWord(words[i]) || groups.Count > 0)
            {
                terms.Add(new Term(words[i], [stems[i], .. groups.Order(StringComparer.Ordinal)], i));
            }

            i++;
        }

        return terms;
    }

    /// <summary>The keys of every term of <paramref name="text"/>.</summary>
    public HashSet<string> Keys(string text) => Terms(text).SelectMany(t => t.Keys).ToHashSet(StringComparer.Ordinal);

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

    private (int Length, HashSet<string> Groups) LongestEntry(List<string> stems, int start)
    {
        var best = (Length: 0, Groups: new HashSet<string>(StringComparer.Ordinal));
        if (!_entries.TryGetValue(stems[start], out var candidates))
        {
            return best;
        }

        foreach (var (entry, groups) in candidates)
        {
            if (entry.Length >= best.Length && start + entry.Length <= stems.Count && Matches(entry, stems, start))
            {
                if (entry.Length > best.Length)
                {
                    best = (entry.Length, new HashSet<string>(StringComparer.Ordinal));
                }

                best.Groups.UnionWith(groups);
            }
        }

        return best;
    }

    private static bool Matches(string[] entry, List<string> stems, int start)
    {
        for (var i = 0; i < entry.Length; i++)
        {
            if (!string.Equals(entry[i], stems[start + i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Gathers the entries while the map is made; the map then keeps them as arrays, each distinct stem once, and
    /// lets go of the sets that were only needed to find repeats.
    /// </summary>
    private sealed class Builder
    {
        private readonly Dictionary<string, List<(string[] Stems, HashSet<string> Groups)>> _entries = new(StringComparer.Ordinal);
        private readonly HashSet<(string, string)> _acronymPairs = [];
        private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
        private int _groups;

        public int AcronymCount => _acronymPairs.Count;

        public Dictionary<string, (string[] Stems, string[] Groups)[]> Entries()
        {
            var entries = new Dictionary<string, (string[] Stems, string[] Groups)[]>(_entries.Count, StringComparer.Ordinal);
            foreach (var (first, list) in _entries)
            {
                entries[first] = [.. list.Select(e => (e.Stems, e.Groups.ToArray()))];
            }

            return entries;
        }

        private string Share(string stem) => _stems.TryGetValue(stem, out var shared) ? shared : _stems[stem] = stem;

        public void AddAcronym(string acronym, string phrase)
        {
            var a = string.Join(' ', TextTerms.Words(acronym).Select(AnswerWords.Stem));
            var p = string.Join(' ', TextTerms.Words(phrase).Select(AnswerWords.Stem));
            if (a.Length > 0 && p.Length > 0 && _acronymPairs.Add((a, p)))
            {
                AddGroup([acronym, phrase]);
            }
        }

        public void AddGlossary(string body)
        {
            foreach (Match pair in GlossaryParenthesis().Matches(body))
            {
                AddGroup([pair.Groups["a"].Value, pair.Groups["b"].Value]);
            }

            foreach (Match pair in GlossaryOr().Matches(body))
            {
                AddGroup([Outer(pair.Groups["a"].Value), Outer(pair.Groups["b"].Value)]);
            }

            static string Outer(string term) => term.Split(" (")[0];
        }

        public void AddGroup(IReadOnlyList<string> phrases)
        {
            var stemmed = phrases
                .Select(p => TextTerms.Words(p).Select(AnswerWords.Stem).Select(Share).ToArray())
                .Where(s => s.Length > 0 && !(s.Length == 1 && AnswerWords.IsStopWord(s[0])))
                .ToList();
            if (stemmed.Count < 2)
            {
                return;
            }

            var group = "=" + _groups++;
            foreach (var stems in stemmed)
            {
                if (!_entries.TryGetValue(stems[0], out var list))
                {
                    _entries[stems[0]] = list = [];
                }

                var existing = list.FindIndex(e => e.Stems.AsSpan().SequenceEqual(stems));
                if (existing >= 0)
                {
                    list[existing].Groups.Add(group);
                }
                else
                {
                    list.Add((stems, new HashSet<string>(StringComparer.Ordinal) { group }));
                }
            }
        }
    }

    [GeneratedRegex(@"(?<phrase>\b[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+){1,5}) \((?<acronym>[A-Z][A-Za-z]{1,7})\)")]
    private static partial Regex PhraseThenAcronym();

    [GeneratedRegex(@"\b(?<acronym>[A-Z][A-Za-z]{1,7}) \((?<phrase>[a-z][a-z]+(?:[ -][a-z]+){1,5})\)")]
    private static partial Regex AcronymThenPhrase();

    [GeneratedRegex(@"\*\*(?<a>[^*(),/]{2,40}?) \((?<b>[^*(),]{2,40})\)\*\*")]
    private static partial Regex GlossaryParenthesis();

    [GeneratedRegex(@"\*\*(?<a>[^*,/]{2,60})\*\*,? (?:or|also) \*\*(?<b>[^*,/]{2,60})\*\*")]
    private static partial Regex GlossaryOr();
}

/// <summary>One term of a text: the words as written, the keys it meets other terms by, and where it starts.</summary>
/// <param name="Text">The word or phrase as written (lower case).</param>
/// <param name="Keys">Its stem and the synonym groups it belongs to; two terms match when they share a key.</param>
/// <param name="Position">Index of its first word in the text.</param>
public sealed record Term(string Text, IReadOnlyList<string> Keys, int Position)
{
    /// <summary>The key a term is weighed by: its stem, or its group when it is a phrase.</summary>
    public string Primary => Keys[0];

    public bool Meets(HashSet<string> keys)
    {
        foreach (var key in Keys)
        {
            if (keys.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the two terms share a key, that is, mean the same.</summary>
    public bool Shares(Term other)
    {
        foreach (var key in Keys)
        {
            foreach (var theirs in other.Keys)
            {
                if (string.Equals(key, theirs, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
