using System.Buffers;
using System.Globalization;
using System.Text;

namespace LlmPrep.Core.Index;

/// <summary>
/// Splits text into terms the way the index's FTS5 tokenizer does (<c>porter unicode61 remove_diacritics 2</c>):
/// letters, digits and private-use characters make tokens and everything else separates them; tokens are folded to
/// lower case with diacritics removed, then stemmed. Terms are kept as UTF-8 bytes (one char per byte), the form
/// FTS5 compares and prefix-matches them in.
/// </summary>
internal static class FtsTokenizer
{
    /// <summary>ASCII characters that separate tokens: every one but letters and digits.</summary>
    private static readonly SearchValues<char> AsciiSeparators = SearchValues.Create(
        Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => !char.IsAsciiLetterOrDigit(c)).ToArray());

    private static readonly SearchValues<char> AsciiLettersAndDigits = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    /// <param name="firsts">
    /// When given, only tokens whose term starts with one of these chars are stemmed; the others get an empty term. Stemming
    /// changes only a token's ending, never its first char, so a term that must equal or start with one of a few known
    /// terms cannot come from any other token, and most of a text is never stemmed.
    /// </param>
    /// <remarks>
    /// Runs of ASCII separators and ASCII tokens are found with vectorized searches, and an ASCII token that is not
    /// stemmed is never folded; a token that holds any other character takes the general path, code point by code point.
    /// </remarks>
    public static void Tokenize(string text, List<FtsToken> tokens, SearchValues<char>? firsts = null)
    {
        Span<char> initial = stackalloc char[128];
        var folded = new FoldBuffer(initial);
        var i = 0;
        while (true)
        {
            var skip = text.AsSpan(i).IndexOfAnyExcept(AsciiSeparators);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            if (text[i] >= 0x80 && !IsTokenChar(CodePointAt(text, i, out var length)))
            {
                i += length;
                continue;
            }

            var start = i;
            var run = text.AsSpan(i).IndexOfAnyExcept(AsciiLettersAndDigits);
            var end = run < 0 ? text.Length : i + run;
            if (end > start && (end == text.Length || text[end] < 0x80))
            {
                // A token of ASCII letters and digits only.
                i = end;
                if (firsts is not null && !firsts.Contains(char.ToLowerInvariant(text[start])))
                {
                    tokens.Add(new FtsToken(start, end, ""));
                    continue;
                }

                folded.Clear();
                foreach (var c in text.AsSpan(start, end - start))
                {
                    folded.Append(char.ToLowerInvariant(c));
                }
            }
            else
            {
                i = FoldToken(text, start, ref folded);
            }

            var term = folded.Text;
            tokens.Add(new FtsToken(start, i, firsts is null || firsts.Contains(term[0]) ? PorterStemmer.Stem(term) : ""));
        }

        folded.Dispose();
    }

    /// <summary>Folds the token that starts at <paramref name="start"/> into <paramref name="folded"/>; returns where it ends.</summary>
    private static int FoldToken(string text, int start, ref FoldBuffer folded)
    {
        folded.Clear();
        var i = start;
        while (i < text.Length)
        {
            var code = CodePointAt(text, i, out var length);
            if (code < 0x80)
            {
                if (!char.IsAsciiLetterOrDigit((char)code))
                {
                    break;
                }

                folded.Append(char.ToLowerInvariant((char)code));
            }
            else if (IsTokenChar(code) || IsDiacritic(code))
            {
                folded.AppendUtf8(Fold(code));
            }
            else
            {
                break;
            }

            i += length;
        }

        return i;
    }

    /// <summary>The terms of <paramref name="text"/>, in order.</summary>
    public static List<string> Terms(string text)
    {
        var tokens = new List<FtsToken>();
        Tokenize(text, tokens);
        return tokens.ConvertAll(t => t.Term);
    }

    private static int CodePointAt(string text, int index, out int length)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        length = 1;
        return char.IsSurrogate(c) ? 0xFFFD : c;
    }

    /// <summary>Letters (L*), numbers (N*) and private use (Co) are token characters.</summary>
    private static bool IsTokenChar(int code)
    {
        if (code < 0x80)
        {
            return char.IsAsciiLetterOrDigit((char)code);
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(code))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
            case UnicodeCategory.PrivateUse:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Combining diacritical marks continue a token (and are dropped from its term).</summary>
    private static bool IsDiacritic(int code) => code is >= 0x300 and <= 0x36F;

    /// <summary>Lower case without diacritics: a letter that decomposes into an ASCII letter and marks becomes that letter; a bare mark becomes nothing (0).</summary>
    private static int Fold(int code)
    {
        if (IsDiacritic(code))
        {
            return 0;
        }

        if (code > 0xFFFF)
        {
            return code is >= 0x10400 and < 0x10428 ? code + 40 : code;
        }

        return LatinDiacritics.Strip(CaseFold((char)code));
    }

    /// <summary>Lower case, and the few letters whose case folding is not their lower case (µ → μ, ſ → s, ς → σ…).</summary>
    private static char CaseFold(char c) => c switch
    {
        '\u00B5' => '\u03BC',
        '\u017F' => 's',
        '\u0345' or '\u1FBE' => '\u03B9',
        '\u03C2' => '\u03C3',
        '\u03D0' => '\u03B2',
        '\u03D1' => '\u03B8',
        '\u03D5' => '\u03C6',
        '\u03D6' => '\u03C0',
        '\u03F0' => '\u03BA',
        '\u03F1' => '\u03C1',
        '\u03F5' => '\u03B5',
        '\u1E9B' => '\u1E61',
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>A growable char buffer for one token's folded bytes.</summary>
    private ref struct FoldBuffer(Span<char> initial)
    {
        private Span<char> _chars = initial;
        private char[]? _rented;
        private int _length;

        public readonly ReadOnlySpan<char> Text => _chars[.._length];

        public void Clear() => _length = 0;

        public void Append(char c)
        {
            if (_length == _chars.Length)
            {
                Grow();
            }

            _chars[_length++] = c;
        }

        /// <summary>Appends the UTF-8 bytes of a code point, one char per byte (nothing for 0).</summary>
        public void AppendUtf8(int code)
        {
            if (code == 0)
            {
                return;
            }

            Span<byte> bytes = stackalloc byte[4];
            var count = new Rune(code).EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
            {
                Append((char)b);
            }
        }

        public void Dispose()
        {
            if (_rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(_rented);
                _rented = null;
            }
        }

        private void Grow()
        {
            var bigger = System.Buffers.ArrayPool<char>.Shared.Rent(_chars.Length * 2);
            _chars.CopyTo(bigger);
            Dispose();
            _rented = bigger;
            _chars = bigger;
        }
    }
}
