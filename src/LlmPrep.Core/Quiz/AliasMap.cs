using System.Runtime.InteropServices;
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
    /// <summary>Phrase entries by their first stem, longest first: the stems of the phrase and the groups it belongs to (in key order).</summary>
    private readonly Dictionary<string, Entry[]> _entries;

    /// <summary>How many acronym-phrase pairs the corpus defines.</summary>
    private readonly int _acronymCount;

    public AliasMap(IEnumerable<Note> notes)
        : this(notes, DomainSynonyms.Groups)
    {
    }

    public AliasMap(IEnumerable<Note> notes, IEnumerable<string> synonymGroups)
    {
        // A large vault gives about as many phrases as notes (the titles that have an acronym, and the acronyms, which
        // many titles share), so its builder is sized once from the note count instead of growing through copies.
        var builder = new Builder(notes.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var note in notes)
        {
            // A note's names are its aliases and then its title.
            var names = note.Aliases.Count + 1;
            for (var a = 0; a < names; a++)
            {
                var acronym = a < note.Aliases.Count ? note.Aliases[a] : note.Title;
                if (!AcronymDefinitions.IsAcronym(acronym))
                {
                    continue;
                }

                for (var p = 0; p < names; p++)
                {
                    var phrase = p < note.Aliases.Count ? note.Aliases[p] : note.Title;
                    if (AcronymDefinitions.Stands(acronym, phrase))
                    {
                        builder.AddAcronym(acronym, phrase);
                    }
                }
            }

            // Found when the note was parsed: only the few glossary notes are read again.
            foreach (var definition in note.DefinedAcronyms)
            {
                builder.AddAcronym(definition.Acronym, definition.Phrase);
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
        var words = TextTerms.Words(text).Select(Read).ToArray();
        var pieces = new List<Piece>();
        Segment(words, pieces);
        var terms = new List<Term>(pieces.Count);
        foreach (var (start, length, groups) in pieces)
        {
            terms.Add(length > 1
                ? new Term(string.Join(' ', words.Skip(start).Take(length).Select(w => w.Text)), [.. groups], start)
                : new Term(words[start].Text, [words[start].Stem, .. groups], start));
        }

        return terms;
    }

    /// <summary>The keys of every term of <paramref name="text"/>.</summary>
    public HashSet<string> Keys(string text) => Terms(text).SelectMany(t => t.Keys).ToHashSet(StringComparer.Ordinal);

    /// <summary>A reader of many texts' <see cref="Term.Primary"/> keys, for term weights over every card.</summary>
    internal PrimaryKeys NewPrimaryKeys() => new(this);

    /// <summary>A word of a text as the map reads it: lower case, its stem, whether it says nothing alone, the map's
    /// phrases that start with it, and whether it may go on a phrase (false only when known to be in none past its first word).</summary>
    private readonly record struct Word(string Text, string Stem, bool Stop, Entry[]? Entries, bool Continues);

    private Word Read(string word)
    {
        var stem = AnswerWords.Stem(word);
        return new Word(word, stem, AnswerWords.IsStopWord(word), _entries.GetValueOrDefault(stem), Continues: true);
    }

    /// <summary>One term of a run of words: its first word, how many words it joins, and the groups it belongs to.</summary>
    private readonly record struct Piece(int Start, int Length, string[] Groups)
    {
        /// <summary>The term's <see cref="Term.Primary"/>: its first group for a phrase, else the word's stem.</summary>
        public string Primary(ReadOnlySpan<Word> words) => Length > 1 ? Groups[0] : words[Start].Stem;
    }

    /// <summary>
    /// Cuts a run of words into terms: at each word the longest phrase of the map that starts there, else the word
    /// itself, unless it is a stop word in no group.
    /// </summary>
    private static void Segment(ReadOnlySpan<Word> words, List<Piece> pieces)
    {
        var i = 0;
        while (i < words.Length)
        {
            var entry = LongestEntry(words, i);
            var length = entry?.Stems.Length ?? 0;
            if (length > 1)
            {
                pieces.Add(new Piece(i, length, entry!.Value.Groups));
                i += length;
                continue;
            }

            if (!words[i].Stop || entry is not null)
            {
                pieces.Add(new Piece(i, 1, entry?.Groups ?? []));
            }

            i++;
        }
    }

    /// <summary>
    /// The longest phrase of the map the words spell from <paramref name="start"/> on. The phrases that start with a
    /// word are in the order of their stems (<see cref="Entry.Order"/>), so the ones that go on as the text does are a
    /// range, narrowed stem by stem; a phrase comes before the longer ones it starts. A large vault has thousands of
    /// phrases starting with the same word (its titles and their acronyms), so this takes a few comparisons each.
    /// </summary>
    private static Entry? LongestEntry(ReadOnlySpan<Word> words, int start)
    {
        if (words[start].Entries is not { } entries)
        {
            return null;
        }

        Entry? longest = null;
        var (low, high) = (0, entries.Length);
        for (var length = 1; ; length++)
        {
            // [low, high) holds the phrases of at least this many stems whose stems so far are the text's.
            if (entries[low].Stems.Length == length)
            {
                longest = entries[low];
                low++;
            }

            if (low == high || start + length == words.Length)
            {
                return longest;
            }

            if (!words[start + length].Continues)
            {
                return longest;
            }

            var stem = words[start + length].Stem;
            var from = FirstNotBelow(entries, low, high, length, stem, inclusive: true);
            if (from == high || !string.Equals(entries[from].Stems[length], stem, StringComparison.Ordinal))
            {
                return longest;
            }

            (low, high) = (from, FirstNotBelow(entries, from + 1, high, length, stem, inclusive: false));
        }
    }

    /// <summary>The first entry of [low, high) whose stem at <paramref name="index"/> is at least (or, when not
    /// <paramref name="inclusive"/>, above) <paramref name="stem"/>.</summary>
    private static int FirstNotBelow(Entry[] entries, int low, int high, int index, string stem, bool inclusive)
    {
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var compared = string.CompareOrdinal(entries[middle].Stems[index], stem);
            if (compared < 0 || (compared == 0 && !inclusive))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>A phrase of the map: its stems, and the groups it belongs to in key order.</summary>
    private readonly record struct Entry(string[] Stems, string[] Groups)
    {
        /// <summary>Orders phrases by their stems, word by word, a phrase before the longer ones it starts.</summary>
        public static int Order(string[] a, string[] b)
        {
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var compared = string.CompareOrdinal(a[i], b[i]);
                if (compared != 0)
                {
                    return compared;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }

    /// <summary>
    /// Reads the <see cref="Term.Primary"/> keys of many texts, as term weights over every card need them: each
    /// distinct word is stemmed and looked up once, not at each of its occurrences, up to <see cref="KeptWords"/>
    /// words. The common words come early and are kept; past that, a word is read again each time it occurs (a large
    /// vault's other words are its names, numbers and notes' own terms, each met a few times), so the reader holds at
    /// most that many words rather than every distinct word of the vault. One reader serves one thread.
    /// </summary>
    internal sealed class PrimaryKeys(AliasMap map)
    {
        /// <summary>How many distinct words a reader keeps.</summary>
        internal const int KeptWords = 16_384;

        private readonly Dictionary<string, Word> _words = new(StringComparer.Ordinal);

        /// <summary>Every stem some phrase has past its first word: a word with another stem ends any phrase before it.</summary>
        private readonly HashSet<string> _continuing = map._entries.Values.SelectMany(e => e).SelectMany(e => e.Stems.Skip(1)).ToHashSet(StringComparer.Ordinal);
        private readonly List<Word> _text = [];
        private readonly List<Piece> _pieces = [];
        private char[] _buffer = new char[32];

        /// <summary>Adds the primary key of each term of <paramref name="text"/> to <paramref name="keys"/>.</summary>
        public void AddTo(ReadOnlySpan<char> text, HashSet<string> keys)
        {
            var known = _words.GetAlternateLookup<ReadOnlySpan<char>>();
            _text.Clear();
            var position = 0;
            while (TextTerms.NextWord(text, ref position, ref _buffer, out var length))
            {
                if (!known.TryGetValue(_buffer.AsSpan(0, length), out var word))
                {
                    word = map.Read(new string(_buffer, 0, length));
                    word = word with { Continues = _continuing.Contains(word.Stem) };
                    if (_words.Count < KeptWords)
                    {
                        _words.Add(word.Text, word);
                    }
                }

                _text.Add(word);
            }

            _pieces.Clear();
            var words = CollectionsMarshal.AsSpan(_text);
            Segment(words, _pieces);
            foreach (var piece in _pieces)
            {
                keys.Add(piece.Primary(words));
            }
        }
    }

    /// <summary>
    /// Gathers the phrases and their groups while the map is made. A large vault gives tens of thousands of them (a
    /// title and its acronym each), so a phrase is its stems once, known by a number, and its groups are numbers too:
    /// one for most phrases, a list only for the few in several. The map then keeps them as arrays.
    /// </summary>
    private sealed class Builder(int expectedPhrases)
    {
        /// <summary>The number of each phrase seen, by its stems.</summary>
        private readonly Dictionary<string[], int> _numbers = new(expectedPhrases, StemsComparer.Instance);

        /// <summary>Each phrase's stems, by its number.</summary>
        private readonly List<string[]> _phrases = new(expectedPhrases);

        /// <summary>Each phrase's first group, by its number (-1 for none yet).</summary>
        private readonly List<int> _firstGroups = new(expectedPhrases);

        /// <summary>The groups after its first of a phrase in more than one.</summary>
        private readonly Dictionary<int, List<int>> _laterGroups = [];

        private readonly HashSet<(int Acronym, int Phrase)> _acronymPairs = [];

        /// <summary>Each word's stem, shared: a large vault's titles repeat their words thousands of times.</summary>
        private readonly Dictionary<string, string> _stemOf = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _stems = new(StringComparer.Ordinal);
        private readonly List<string> _words = [];
        private char[] _buffer = new char[32];
        private int _groups;

        public int AcronymCount => _acronymPairs.Count;

        public Dictionary<string, Entry[]> Entries()
        {
            var names = new string[_groups];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = "=" + i;
            }

            // Sorted by their stems, the phrases that start with the same stem are side by side, in the order a lookup wants.
            var grouped = Enumerable.Range(0, _phrases.Count).Where(n => _firstGroups[n] >= 0).ToArray();
            Array.Sort(grouped, (a, b) => Entry.Order(_phrases[a], _phrases[b]));
            var entries = new Dictionary<string, Entry[]>(StringComparer.Ordinal);
            for (var start = 0; start < grouped.Length;)
            {
                var first = _phrases[grouped[start]][0];
                var end = start + 1;
                while (end < grouped.Length && string.Equals(_phrases[grouped[end]][0], first, StringComparison.Ordinal))
                {
                    end++;
                }

                var range = new Entry[end - start];
                for (var i = 0; i < range.Length; i++)
                {
                    var number = grouped[start + i];
                    range[i] = new Entry(_phrases[number], GroupsOf(number, names));
                }

                entries[first] = range;
                start = end;
            }

            return entries;
        }

        /// <summary>A phrase's group names in key order.</summary>
        private string[] GroupsOf(int phrase, string[] names)
        {
            if (!_laterGroups.TryGetValue(phrase, out var later))
            {
                return [names[_firstGroups[phrase]]];
            }

            var groups = new string[later.Count + 1];
            groups[0] = names[_firstGroups[phrase]];
            for (var i = 0; i < later.Count; i++)
            {
                groups[i + 1] = names[later[i]];
            }

            Array.Sort(groups, StringComparer.Ordinal);
            return groups;
        }

        public void AddAcronym(string acronym, string phrase)
        {
            var a = StemsOf(acronym);
            var p = StemsOf(phrase);
            if (a.Length > 0 && p.Length > 0 && _acronymPairs.Add((Number(a), Number(p))))
            {
                AddGroup([a, p]);
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

        public void AddGroup(IReadOnlyList<string> phrases) => AddGroup(phrases.Select(StemsOf).ToList());

        /// <summary>Puts the phrases in one new group, leaving out those with no words or only a stop word; a group needs two.</summary>
        private void AddGroup(List<string[]> phrases)
        {
            phrases.RemoveAll(s => s.Length == 0 || (s.Length == 1 && AnswerWords.IsStopWord(s[0])));
            if (phrases.Count < 2)
            {
                return;
            }

            var group = _groups++;
            foreach (var stems in phrases)
            {
                var number = Number(stems);
                if (_firstGroups[number] < 0)
                {
                    _firstGroups[number] = group;
                }
                else if (_firstGroups[number] != group)
                {
                    if (!_laterGroups.TryGetValue(number, out var later))
                    {
                        _laterGroups[number] = later = [];
                    }

                    // A group gets its phrases one after another, so a phrase given twice in it is its last.
                    if (later.Count == 0 || later[^1] != group)
                    {
                        later.Add(group);
                    }
                }
            }
        }

        /// <summary>The number of the phrase with these stems, given it when new.</summary>
        private int Number(string[] stems)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, stems, out var exists);
            if (!exists)
            {
                number = _phrases.Count;
                _phrases.Add(stems);
                _firstGroups.Add(-1);
            }

            return number;
        }

        /// <summary>The stems of a text's words, each stem string shared.</summary>
        private string[] StemsOf(string text)
        {
            _words.Clear();
            var known = _stemOf.GetAlternateLookup<ReadOnlySpan<char>>();
            var position = 0;
            while (TextTerms.NextWord(text, ref position, ref _buffer, out var length))
            {
                if (!known.TryGetValue(_buffer.AsSpan(0, length), out var stem))
                {
                    var word = new string(_buffer, 0, length);
                    stem = AnswerWords.Stem(word);
                    stem = _stems.TryGetValue(stem, out var shared) ? shared : _stems[stem] = stem;
                    _stemOf[word] = stem;
                }

                _words.Add(stem);
            }

            return [.. _words];
        }
    }

    /// <summary>Phrases are equal when their stems are, word by word.</summary>
    private sealed class StemsComparer : IEqualityComparer<string[]>
    {
        public static StemsComparer Instance { get; } = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y.AsSpan());

        public int GetHashCode(string[] stems)
        {
            var hash = new HashCode();
            foreach (var stem in stems)
            {
                hash.Add(stem);
            }

            return hash.ToHashCode();
        }
    }

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
