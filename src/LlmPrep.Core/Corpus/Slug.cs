using System.Text;

namespace LlmPrep.Core.Corpus;

/// <summary>GitHub-style heading anchors and card ids: lower case, words joined by hyphens, punctuation dropped.</summary>
public static class Slug
{
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        foreach (var c in text.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is ' ' or '-' or '_' or '\t' or '/')
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Whether <paramref name="text"/>'s slug equals <paramref name="anchor"/>, ignoring case as
    /// <see cref="StringComparison.OrdinalIgnoreCase"/> does, without making the slug.
    /// </summary>
    public static bool Matches(string text, string anchor)
    {
        var match = new SlugMatch(anchor);
        foreach (var c in text.AsSpan().Trim())
        {
            if (!match.Take(c))
            {
                return false;
            }
        }

        return match.Complete;
    }

    /// <summary>
    /// <see cref="Matches(string, string)"/> for a text held as UTF-8, without making a string: the same answer as for
    /// the text it decodes to. A character outside the Basic Multilingual Plane (an emoji) is two UTF-16 code units
    /// there, neither a letter nor a separator, so it is skipped here too.
    /// </summary>
    internal static bool Matches(ReadOnlySpan<byte> utf8, string anchor)
    {
        var match = new SlugMatch(anchor);
        while (!utf8.IsEmpty)
        {
            var first = utf8[0];
            if (first < 0x80)
            {
                if (!match.Take((char)first))
                {
                    return false;
                }

                utf8 = utf8[1..];
                continue;
            }

            Rune.DecodeFromUtf8(utf8, out var rune, out var used);
            if (rune.IsBmp && !match.Take((char)rune.Value))
            {
                return false;
            }

            utf8 = utf8[used..];
        }

        return match.Complete;
    }

    /// <summary>Returns <paramref name="slug"/>, or <c>slug-1</c>, <c>slug-2</c>… when it is already taken.</summary>
    public static string Unique(string slug, ISet<string> taken)
    {
        var candidate = slug;
        for (var i = 1; !taken.Add(candidate); i++)
        {
            candidate = $"{slug}-{i}";
        }

        return candidate;
    }
}
