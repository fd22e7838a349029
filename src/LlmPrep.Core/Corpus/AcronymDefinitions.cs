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

    /// <summary>True for a name written as an acronym: 2 to 8 characters, no space, opening with a capital and holding at least two.</summary>
    public static bool IsAcronym(string name) =>
        name.Length is >= 2 and <= 8 && !name.Contains(' ', StringComparison.Ordinal) && name.Count(char.IsUpper) >= 2 && char.IsUpper(name[0]);

    // Both patterns start at the bracket (found quickly) and read the words before it backwards, instead of trying
    // every word of the text as the start of a phrase; they find what "phrase (ACRONYM)" and "ACRONYM (phrase)" read
    // forwards would: up to six words, as many as stand together before the bracket.
    [GeneratedRegex(@"(?<=(?<phrase>\b[A-Za-z][a-z]+(?:[ -][A-Za-z][a-z]+){1,5}) )\((?<acronym>[A-Z][A-Za-z]{1,7})\)")]
    private static partial Regex PhraseThenAcronym();

    [GeneratedRegex(@"(?<=\b(?<acronym>[A-Z][A-Za-z]{1,7}) )\((?<phrase>[a-z][a-z]+(?:[ -][a-z]+){1,5})\)")]
    private static partial Regex AcronymThenPhrase();
}
