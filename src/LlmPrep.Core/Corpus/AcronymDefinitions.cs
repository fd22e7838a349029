using System.Text.RegularExpressions;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// What counts as an acronym and its definition. A text defines one as "time to first token (TTFT)" or
/// "TTFT (time to first token)", kept only when the capitals spell the initials of the phrase's words (with or
/// without its minor words), so "retrieval (RAG)" or an aside in brackets is no definition. A note's definitions are
/// found once, when it is parsed, and kept with it.
/// </summary>
public static partial class AcronymDefinitions
{
    private static readonly HashSet<string> MinorWords = new(StringComparer.Ordinal) { "a", "an", "as", "at", "by", "for", "in", "of", "on", "the", "to", "and", "or", "via", "with" };

    /// <summary>The definitions in <paramref name="text"/>, phrase-first ones before acronym-first ones, each pair once.</summary>
    public static IReadOnlyList<AcronymDefinition> In(string text)
    {
        List<AcronymDefinition>? found = null;
        foreach (var candidate in Candidates(text))
        {
            if (Stands(candidate.Acronym, candidate.Phrase) && !(found ??= []).Contains(candidate))
            {
                found.Add(candidate);
            }
        }

        return found is null ? [] : [.. found];
    }

    /// <summary>Every "phrase (ACRONYM)" of <paramref name="text"/>, then every "ACRONYM (phrase)", whether or not the capitals fit.</summary>
    internal static IEnumerable<AcronymDefinition> Candidates(string text) =>
        PhraseThenAcronym().Matches(text).Concat(AcronymThenPhrase().Matches(text))
            .Select(m => new AcronymDefinition(m.Groups["acronym"].Value, m.Groups["phrase"].Value));

    /// <summary>True when <paramref name="acronym"/>'s capitals spell the initials of <paramref name="phrase"/>'s words.</summary>
    public static bool Stands(string acronym, string phrase)
    {
        if (!IsAcronym(acronym))
        {
            return false;
        }

        // A large vault asks this of every title beside its acronym, so nothing is allocated: the words are read in place.
        var words = 0;
        foreach (var _ in Words(phrase))
        {
            words++;
        }

        return words >= 2 && (SpellsInitials(acronym, phrase, skipMinor: false) || SpellsInitials(acronym, phrase, skipMinor: true));
    }

    /// <summary>True for a name written as an acronym: 2 to 8 characters, no space, opening with a capital and holding at least two.</summary>
    public static bool IsAcronym(string name)
    {
        if (name.Length is < 2 or > 8 || !char.IsUpper(name[0]) || name.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        var capitals = 0;
        foreach (var c in name)
        {
            capitals += char.IsUpper(c) ? 1 : 0;
        }

        return capitals >= 2;
    }

    /// <summary>True when the acronym's capitals, one by one, are the first letters of the phrase's words (without its
    /// minor words when <paramref name="skipMinor"/>), ignoring case, with none left over on either side.</summary>
    private static bool SpellsInitials(string acronym, string phrase, bool skipMinor)
    {
        var next = 0;
        foreach (var range in Words(phrase))
        {
            var word = phrase.AsSpan(range);
            if (skipMinor && IsMinor(word))
            {
                continue;
            }

            next = NextCapital(acronym, next);
            if (next == acronym.Length || char.ToLowerInvariant(acronym[next]) != char.ToLowerInvariant(word[0]))
            {
                return false;
            }

            next++;
        }

        return NextCapital(acronym, next) == acronym.Length;
    }

    private static int NextCapital(string acronym, int from)
    {
        while (from < acronym.Length && !char.IsUpper(acronym[from]))
        {
            from++;
        }

        return from;
    }

    /// <summary>A minor word ("of", "the", "and"): one of <see cref="MinorWords"/>, ignoring case; a longer word never is.</summary>
    private static bool IsMinor(ReadOnlySpan<char> word)
    {
        if (word.Length > 3)
        {
            return false;
        }

        Span<char> lower = stackalloc char[3];
        var length = word.ToLowerInvariant(lower);
        return MinorWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower[..length]);
    }

    private static PhraseWords Words(string phrase) => new(phrase);

    /// <summary>The words of a phrase, where they lie: split at spaces and hyphens, those that start with a letter.</summary>
    private ref struct PhraseWords(string phrase)
    {
        private int _start;

        public Range Current { get; private set; }

        public readonly PhraseWords GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_start < phrase.Length)
            {
                var end = phrase.AsSpan(_start).IndexOfAny(' ', '-') is var at and >= 0 ? _start + at : phrase.Length;
                var word = _start..end;
                var letter = end > _start && char.IsLetter(phrase[_start]);
                _start = end + 1;
                if (letter)
                {
                    Current = word;
                    return true;
                }
            }

            return false;
        }
    }

    // Both patterns start at the bracket (found quickly) and read the words before it backwards, instead of trying
    // every word of the text as the start of a phrase; they find what "phrase (ACRONYM)" and "ACRONYM (phrase)" read
    // forwards would: up to six words, as many as stand together before the bracket.
    [GeneratedRegex(@"(?<=(?<phrase>\b[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+){1,5}) )\((?<acronym>[A-Z][A-Za-z]{1,7})\)")]
    private static partial Regex PhraseThenAcronym();

    [GeneratedRegex(@"(?<=\b(?<acronym>[A-Z][A-Za-z]{1,7}) )\((?<phrase>[a-z][a-z]+(?:[ -][a-z]+){1,5})\)")]
    private static partial Regex AcronymThenPhrase();
}
