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
        var at = 0;
        var pendingHyphen = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && at > 0 && !Next('-'))
                {
                    return false;
                }

                pendingHyphen = false;
                if (!Next(char.ToLowerInvariant(c)))
                {
                    return false;
                }
            }
            else if (c is ' ' or '-' or '_' or '\t' or '/')
            {
                pendingHyphen = true;
            }
        }

        return at == anchor.Length;

        bool Next(char c) => at < anchor.Length && (anchor[at++] == c || char.ToUpperInvariant(anchor[at - 1]) == char.ToUpperInvariant(c));
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
