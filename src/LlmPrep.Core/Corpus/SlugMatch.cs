namespace LlmPrep.Core.Corpus;

/// <summary>
/// Compares a text's slug with an anchor one character of the text at a time, as <see cref="Slug.From"/> would make it
/// (white space at either end makes no difference to a slug, so it need not be trimmed first).
/// </summary>
internal ref struct SlugMatch(string anchor)
{
    private readonly string _anchor = anchor;
    private int _at;
    private bool _pendingHyphen;

    /// <summary>True when the characters taken make the whole anchor.</summary>
    public readonly bool Complete => _at == _anchor.Length;

    /// <summary>Takes the text's next character; false once the slug can no longer equal the anchor.</summary>
    public bool Take(char c)
    {
        if (char.IsLetterOrDigit(c))
        {
            if (_pendingHyphen && _at > 0 && !Next('-'))
            {
                return false;
            }

            _pendingHyphen = false;
            return Next(char.ToLowerInvariant(c));
        }

        if (c is ' ' or '-' or '_' or '\t' or '/')
        {
            _pendingHyphen = true;
        }

        return true;
    }

    private bool Next(char c)
    {
        if (_at >= _anchor.Length)
        {
            return false;
        }

        var held = _anchor[_at++];
        return held == c || char.ToUpperInvariant(held) == char.ToUpperInvariant(c);
    }
}
