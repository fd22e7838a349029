namespace LlmPrep.Core.Index;

/// <summary>
/// The base letter of each character that is an ASCII letter with diacritics (its canonical decomposition is the
/// letter and combining marks only): é → e, Ǖ → u, ẞ has none. Taken from the Unicode character database, since
/// string normalization is not available with invariant globalization.
/// </summary>
internal static class LatinDiacritics
{
    /// <summary>Runs of consecutive code points, each with the base letters of its characters in order.</summary>
    private static readonly (char First, string Bases)[] Runs =
    [
        ('\u00C0', "aaaaaa"),
        ('\u00C7', "ceeeeiiii"),
        ('\u00D1', "nooooo"),
        ('\u00D9', "uuuuy"),
        ('\u00E0', "aaaaaa"),
        ('\u00E7', "ceeeeiiii"),
        ('\u00F1', "nooooo"),
        ('\u00F9', "uuuuy"),
        ('\u00FF', "yaaaaaaccccccccdd"),
        ('\u0112', "eeeeeeeeeegggggggghh"),
        ('\u0128', "iiiiiiiii"),
        ('\u0134', "jjkk"),
        ('\u0139', "llllll"),
        ('\u0143', "nnnnnn"),
        ('\u014C', "oooooo"),
        ('\u0154', "rrrrrrsssssssstttt"),
        ('\u0168', "uuuuuuuuuuuuwwyyyzzzzzz"),
        ('\u01A0', "oo"),
        ('\u01AF', "uu"),
        ('\u01CD', "aaiioouuuuuuuuuu"),
        ('\u01DE', "aaaa"),
        ('\u01E6', "ggkkoooo"),
        ('\u01F0', "j"),
        ('\u01F4', "gg"),
        ('\u01F8', "nnaa"),
        ('\u0200', "aaaaeeeeiiiioooorrrruuuusstt"),
        ('\u021E', "hh"),
        ('\u0226', "aaeeooooooooyy"),
        ('\u1E00', "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy"),
        ('\u1EA0', "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy"),
        ('\u212B', "a"),
    ];

    private static readonly Dictionary<char, char> Base = Build();

    /// <summary>The lower-case ASCII letter under <paramref name="c"/>, or <paramref name="c"/> itself when it is not a letter with diacritics.</summary>
    public static char Strip(char c) => Base.GetValueOrDefault(c, c);

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        foreach (var (first, bases) in Runs)
        {
            for (var i = 0; i < bases.Length; i++)
            {
                map[(char)(first + i)] = bases[i];
            }
        }

        return map;
    }
}
