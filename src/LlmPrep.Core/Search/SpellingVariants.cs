using System.Text.RegularExpressions;

namespace LlmPrep.Core.Search;

/// <summary>
/// American and British spellings of one word (optimize/optimise, behavior/behaviour, modeling/modelling,
/// defense/defence, center/centre, analyze/analyse, catalog/catalogue…), so a search finds a note whichever
/// spelling either side used. Rules cover the regular families (-ize/-ise, -yze/-yse); word lists cover the
/// families where a blind rule would turn one real word into another (four/for, filing/filling).
/// </summary>
public static partial class SpellingVariants
{
    /// <summary>Stems spelled -our in British and -or in American English.</summary>
    private static readonly string[] OurStems =
    [
        "arbo", "ardo", "armo", "behavio", "cando", "clamo", "colo", "demeano", "endeavo", "favo", "flavo", "fervo",
        "harbo", "hono", "humo", "labo", "neighbo", "odo", "parlo", "ranco", "rigo", "rumo", "savo", "splendo", "tumo",
        "valo", "vapo", "vigo",
    ];

    private static readonly string[] OurEndings =
        ["", "s", "ed", "ing", "al", "ally", "able", "ably", "ite", "ites", "less", "ful", "ist", "ists", "ism", "y"];

    /// <summary>Verbs whose final l doubles before a suffix in British spelling only.</summary>
    private static readonly string[] DoubleLStems =
    [
        "model", "label", "travel", "cancel", "signal", "channel", "tunnel", "fuel", "level", "total", "counsel", "dial",
        "marvel", "quarrel", "rival", "shovel", "funnel", "panel", "pixel", "barrel", "libel", "pedal", "yodel",
        "jewel", "enamel", "gravel", "duel", "refuel", "relabel", "remodel",
    ];

    private static readonly string[] DoubleLEndings = ["ing", "ed", "er", "ers"];

    /// <summary>Whole-word pairs: British first, American second.</summary>
    private static readonly (string British, string American)[] Pairs =
    [
        ("defence", "defense"), ("defences", "defenses"), ("offence", "offense"), ("offences", "offenses"),
        ("licence", "license"), ("licences", "licenses"), ("pretence", "pretense"),
        ("centre", "center"), ("centres", "centers"), ("centred", "centered"), ("centring", "centering"),
        ("metre", "meter"), ("metres", "meters"), ("litre", "liter"), ("litres", "liters"), ("fibre", "fiber"),
        ("fibres", "fibers"), ("theatre", "theater"), ("calibre", "caliber"), ("spectre", "specter"), ("meagre", "meager"),
        ("catalogue", "catalog"), ("catalogues", "catalogs"), ("catalogued", "cataloged"), ("dialogue", "dialog"),
        ("dialogues", "dialogs"), ("analogue", "analog"), ("analogues", "analogs"), ("grey", "gray"), ("programme", "program"),
        ("programmes", "programs"), ("judgement", "judgment"), ("judgements", "judgments"), ("acknowledgement", "acknowledgment"),
        ("ageing", "aging"), ("artefact", "artifact"), ("artefacts", "artifacts"), ("aluminium", "aluminum"),
        ("enrol", "enroll"), ("enrolment", "enrollment"), ("fulfil", "fulfill"), ("fulfilment", "fulfillment"),
        ("skilful", "skillful"), ("wilful", "willful"), ("instalment", "installment"), ("cheque", "check"),
        ("manoeuvre", "maneuver"), ("oestrogen", "estrogen"), ("paediatric", "pediatric"), ("encyclopaedia", "encyclopedia"),
        ("plough", "plow"), ("sceptical", "skeptical"), ("sceptic", "skeptic"), ("tyre", "tire"), ("mould", "mold"),
    ];

    private static readonly Dictionary<string, string[]> Known = BuildKnown();

    /// <summary>The word and its other spellings, the word first; just the word when it has none.</summary>
    public static IReadOnlyList<string> Of(string word)
    {
        if (Known.TryGetValue(word, out var variants))
        {
            return variants;
        }

        var match = IzeFamily().Match(word);
        if (match.Success)
        {
            var swapped = match.Groups["letter"].Value == "s" ? "z" : "s";
            return [word, match.Groups["stem"].Value + swapped + match.Groups["end"].Value];
        }

        return [word];
    }

    private static Dictionary<string, string[]> BuildKnown()
    {
        var groups = new List<(string, string)>(Pairs);
        foreach (var stem in OurStems)
        {
            groups.AddRange(OurEndings.Select(e => (stem + "ur" + e, stem + "r" + e)));
        }

        foreach (var stem in DoubleLStems)
        {
            groups.AddRange(DoubleLEndings.Select(e => (stem + "l" + e, stem + e)));
        }

        var known = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (british, american) in groups)
        {
            known.TryAdd(british, [british, american]);
            known.TryAdd(american, [american, british]);
        }

        return known;
    }

    /// <summary>-ise/-ize and -yse/-yze with their usual endings, after a stem of three letters or more (not rise, wise, noise).</summary>
    [GeneratedRegex(@"^(?<stem>\p{Ll}{3,}(?:i|y))(?<letter>[sz])(?<end>e|es|ed|ing|er|ers|ation|ations|ational|able)$")]
    private static partial Regex IzeFamily();
}
