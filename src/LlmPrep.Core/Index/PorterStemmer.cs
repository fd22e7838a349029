namespace LlmPrep.Core.Index;

/// <summary>
/// The Porter stemmer exactly as the index's FTS5 <c>porter</c> tokenizer applies it, so that text stemmed here
/// compares equal to the terms FTS5 matched. It works on UTF-8 bytes (one char per byte, as
/// <see cref="FtsTokenizer"/> hands them over): lengths count bytes, and any byte outside a-z is a consonant.
/// Tokens shorter than 3 or longer than 64 bytes pass through unchanged.
/// </summary>
internal static class PorterStemmer
{
    private const int MaxToken = 64;

    private enum Condition
    {
        None,
        MGt0,
        MGt1,
        MGt1AndSOrT,
        HasVowel,
    }

    /// <summary>One suffix rule: when the word ends with <c>Suffix</c> (and is longer than it), the stem must meet the condition.</summary>
    private readonly record struct Rule(string Suffix, string Replacement, Condition Condition, bool Fires = false);

    /// <summary>Each step's rules grouped by the word's second-to-last letter; within a group the first matching suffix decides.</summary>
    private static readonly Dictionary<char, Rule[]> Step1B = new()
    {
        ['e'] = [new("eed", "ee", Condition.MGt0), new("ed", "", Condition.HasVowel, true)],
        ['n'] = [new("ing", "", Condition.HasVowel, true)],
    };

    private static readonly Dictionary<char, Rule[]> Step1B2 = new()
    {
        ['a'] = [new("at", "ate", Condition.None, true)],
        ['b'] = [new("bl", "ble", Condition.None, true)],
        ['i'] = [new("iz", "ize", Condition.None, true)],
    };

    private static readonly Dictionary<char, Rule[]> Step2 = Group(Condition.MGt0, new()
    {
        ['a'] = [("ational", "ate"), ("tional", "tion")],
        ['c'] = [("enci", "ence"), ("anci", "ance")],
        ['e'] = [("izer", "ize")],
        ['g'] = [("logi", "log")],
        ['l'] = [("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous")],
        ['o'] = [("ization", "ize"), ("ation", "ate"), ("ator", "ate")],
        ['s'] = [("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous")],
        ['t'] = [("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")],
    });

    private static readonly Dictionary<char, Rule[]> Step3 = Group(Condition.MGt0, new()
    {
        ['a'] = [("ical", "ic")],
        ['s'] = [("ness", "")],
        ['t'] = [("icate", "ic"), ("iciti", "ic")],
        ['u'] = [("ful", "")],
        ['v'] = [("ative", "")],
        ['z'] = [("alize", "al")],
    });

    private static readonly Dictionary<char, Rule[]> Step4 = BuildStep4();

    /// <summary>The stem of one folded token (chars are its UTF-8 bytes).</summary>
    public static string Stem(ReadOnlySpan<char> token)
    {
        if (token.Length > MaxToken || token.Length < 3)
        {
            return new string(token);
        }

        Span<char> buffer = stackalloc char[MaxToken + 8];
        token.CopyTo(buffer);
        var n = token.Length;

        Step1A(buffer, ref n);
        if (Apply(Step1B, buffer, ref n) && !Apply(Step1B2, buffer, ref n))
        {
            var c = buffer[n - 1];
            if (!IsVowel(c, false) && c != 'l' && c != 's' && c != 'z' && c == At(buffer, n - 2))
            {
                n--;
            }
            else if (MEq1(buffer[..n]) && OStar(buffer[..n]))
            {
                buffer[n++] = 'e';
            }
        }

        if (buffer[n - 1] == 'y' && HasVowel(buffer[..(n - 1)]))
        {
            buffer[n - 1] = 'i';
        }

        Apply(Step2, buffer, ref n);
        Apply(Step3, buffer, ref n);
        Apply(Step4, buffer, ref n);

        if (buffer[n - 1] == 'e' && (MGt1(buffer[..(n - 1)]) || (MEq1(buffer[..(n - 1)]) && !OStar(buffer[..(n - 1)]))))
        {
            n--;
        }

        if (n > 1 && buffer[n - 1] == 'l' && buffer[n - 2] == 'l' && MGt1(buffer[..(n - 1)]))
        {
            n--;
        }

        return new string(buffer[..n]);
    }

    private static void Step1A(Span<char> word, ref int n)
    {
        if (word[n - 1] != 's')
        {
            return;
        }

        if (word[n - 2] == 'e')
        {
            n -= (n > 4 && word[n - 4] == 's' && word[n - 3] == 's') || (n > 3 && word[n - 3] == 'i') ? 2 : 1;
        }
        else if (word[n - 2] != 's')
        {
            n--;
        }
    }

    /// <summary>Applies the step's rule for the word's ending; true when a rule that signals (<see cref="Rule.Fires"/>) was applied.</summary>
    private static bool Apply(Dictionary<char, Rule[]> step, Span<char> word, ref int n)
    {
        if (!step.TryGetValue(At(word, n - 2), out var rules))
        {
            return false;
        }

        foreach (var rule in rules)
        {
            var length = rule.Suffix.Length;
            if (n <= length || !word[(n - length)..n].SequenceEqual(rule.Suffix))
            {
                continue;
            }

            var stem = n - length;
            if (!Holds(rule.Condition, word[..stem]))
            {
                return false;
            }

            rule.Replacement.CopyTo(word[stem..]);
            n = stem + rule.Replacement.Length;
            return rule.Fires;
        }

        return false;
    }

    /// <summary>The char at <paramref name="index"/>, or NUL before the start (a one-letter stem has no second-to-last letter).</summary>
    private static char At(ReadOnlySpan<char> word, int index) => index >= 0 ? word[index] : '\0';

    private static bool Holds(Condition condition, ReadOnlySpan<char> stem) => condition switch
    {
        Condition.MGt0 => GobbleVowelConsonant(stem, false) > 0,
        Condition.MGt1 => MGt1(stem),
        Condition.MGt1AndSOrT => stem.Length > 0 && (stem[^1] == 's' || stem[^1] == 't') && MGt1(stem),
        Condition.HasVowel => HasVowel(stem),
        _ => true,
    };

    private static bool IsVowel(char c, bool yIsVowel) => c is 'a' or 'e' or 'i' or 'o' or 'u' || (yIsVowel && c == 'y');

    /// <summary>Skips consonants, then vowels, then the first consonant after them; returns the length consumed, 0 when there is no such VC.</summary>
    private static int GobbleVowelConsonant(ReadOnlySpan<char> stem, bool previousConsonant)
    {
        var consonant = previousConsonant;
        var i = 0;
        for (; i < stem.Length; i++)
        {
            consonant = !IsVowel(stem[i], consonant);
            if (!consonant)
            {
                break;
            }
        }

        for (i++; i < stem.Length; i++)
        {
            consonant = !IsVowel(stem[i], consonant);
            if (consonant)
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool MGt1(ReadOnlySpan<char> stem)
    {
        var n = GobbleVowelConsonant(stem, false);
        return n > 0 && GobbleVowelConsonant(stem[n..], true) > 0;
    }

    private static bool MEq1(ReadOnlySpan<char> stem)
    {
        var n = GobbleVowelConsonant(stem, false);
        return n > 0 && GobbleVowelConsonant(stem[n..], true) == 0;
    }

    /// <summary>Ends consonant-vowel-consonant, the last not w, x or y.</summary>
    private static bool OStar(ReadOnlySpan<char> stem)
    {
        var last = stem[^1];
        if (last is 'w' or 'x' or 'y')
        {
            return false;
        }

        var mask = 0;
        var consonant = false;
        foreach (var c in stem)
        {
            consonant = !IsVowel(c, consonant);
            mask = (mask << 1) + (consonant ? 1 : 0);
        }

        return (mask & 7) == 5;
    }

    private static bool HasVowel(ReadOnlySpan<char> stem)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (IsVowel(stem[i], i > 0))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<char, Rule[]> Group(Condition condition, Dictionary<char, (string Suffix, string Replacement)[]> rules) =>
        rules.ToDictionary(r => r.Key, r => r.Value.Select(x => new Rule(x.Suffix, x.Replacement, condition)).ToArray());

    private static Dictionary<char, Rule[]> BuildStep4()
    {
        var step = Group(Condition.MGt1, new()
        {
            ['a'] = [("al", "")],
            ['c'] = [("ance", ""), ("ence", "")],
            ['e'] = [("er", "")],
            ['i'] = [("ic", "")],
            ['l'] = [("able", ""), ("ible", "")],
            ['n'] = [("ant", ""), ("ement", ""), ("ment", ""), ("ent", "")],
            ['o'] = [("ion", ""), ("ou", "")],
            ['s'] = [("ism", "")],
            ['t'] = [("ate", ""), ("iti", "")],
            ['u'] = [("ous", "")],
            ['v'] = [("ive", "")],
            ['z'] = [("ize", "")],
        });
        step['o'][0] = step['o'][0] with { Condition = Condition.MGt1AndSOrT };
        return step;
    }
}
