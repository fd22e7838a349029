using System.Text;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Bench;

/// <summary>
/// Where the words of a synthetic vault come from, so that its text has the statistics of real notes rather than of a
/// flat word list: each real note is a topic (its prose words in order, its headings, its code lines), and a generated
/// note takes most of its words from one topic as short runs of consecutive words. Words therefore come as often as they
/// do in real text (a few very common, most rare), cluster by topic (a note about HNSW says hnsw many times, most notes
/// never do) and keep their short phrases ("chain of thought"). A long tail of generated rare words (names, identifiers,
/// numbers) gives the vault a vocabulary that keeps growing with its size, as a real vault's does.
/// </summary>
public sealed class VaultLexicon
{
    /// <summary>The rare words are ranked 1 to 2^this; a word of rank r comes with a frequency about proportional to 1/r (Zipf).</summary>
    private const int RareRankBits = 24;

    private static readonly string[] Onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "ch", "dr", "gr", "kl", "sh", "st", "tr"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ei", "ou"];

    private readonly VaultTopic[] _topics;
    private readonly string[] _words;
    private readonly string[] _codeLines;

    private VaultLexicon(VaultTopic[] topics)
    {
        _topics = topics;
        _words = [.. topics.SelectMany(t => t.Words)];
        _codeLines = [.. topics.SelectMany(t => t.CodeLines)];
    }

    /// <summary>How many topics there are: one for each source note with enough prose.</summary>
    public int Topics => _topics.Length;

    /// <summary>The topics of <paramref name="notes"/>, in the order of their paths, so the same notes always give the same vault.</summary>
    public static VaultLexicon From(IEnumerable<Note> notes)
    {
        var topics = notes.OrderBy(n => n.Path, StringComparer.Ordinal).Select(VaultTopic.Of).Where(t => t.Words.Length >= 200).ToArray();
        return topics.Length == 0
            ? throw new InvalidOperationException("the notes to draw a vault's words from hold no note of 200 words or more")
            : new VaultLexicon(topics);
    }

    /// <summary>The topic of a note, drawn once for it.</summary>
    public VaultTopic Topic(SeededRandom random) => random.Pick(_topics);

    /// <summary>
    /// A run of words: mostly from <paramref name="topic"/>, sometimes from <paramref name="secondary"/> (notes touch a
    /// neighbouring subject), sometimes from all the notes at once (the common words of the whole vault), and now and
    /// then one rare word.
    /// </summary>
    public void AppendRun(StringBuilder text, SeededRandom random, VaultTopic topic, VaultTopic secondary, int maxWords)
    {
        var source = random.Below(100);
        if (source < 7)
        {
            text.Append(RareWord(random));
            return;
        }

        var words = source switch
        {
            < 72 => topic.Words,
            < 84 => secondary.Words,
            _ => _words,
        };
        var length = random.Between(1, maxWords);
        var start = random.Below(words.Length - length);
        for (var i = 0; i < length; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(words[start + i]);
        }
    }

    /// <summary>A short phrase of the topic, as a heading or a list item's lead: one of its headings or a run of its words.</summary>
    public string Phrase(SeededRandom random, VaultTopic topic, VaultTopic secondary)
    {
        if (topic.Headings.Length > 0 && random.Chance(50))
        {
            return random.Pick(topic.Headings);
        }

        var text = new StringBuilder();
        AppendRun(text, random, topic, secondary, 3);
        return text.ToString();
    }

    /// <summary>A line of code: the topic's own code where it has some, else any note's.</summary>
    public string CodeLine(SeededRandom random, VaultTopic topic) =>
        topic.CodeLines.Length >= 3 && random.Chance(80) ? random.Pick(topic.CodeLines) : random.Pick(_codeLines);

    /// <summary>
    /// A word of the long tail: rank r has a frequency proportional to 1/r, so a few tail words recur across the vault
    /// and most appear once or twice; the more notes, the more distinct words. Each rank is always the same word.
    /// </summary>
    public static string RareWord(SeededRandom random)
    {
        // A bit length uniform in 0..23, then a rank of that length uniform: integers only, so every platform agrees.
        var bits = random.Below(RareRankBits);
        var rank = (1 << bits) + random.Below(1 << bits);
        var mixed = new SeededRandom((ulong)rank * 0x9E3779B97F4A7C15UL);
        var stem = new StringBuilder();
        for (var s = mixed.Between(2, 3); s > 0; s--)
        {
            stem.Append(mixed.Pick(Onsets)).Append(mixed.Pick(Vowels));
        }

        var word = stem.ToString();
        return mixed.Below(10) switch
        {
            < 6 => word,
            < 8 => char.ToUpperInvariant(word[0]) + word[1..],
            8 => word + (mixed.Chance(50) ? "_" : "-") + mixed.Pick(Onsets) + mixed.Pick(Vowels) + mixed.Pick(Onsets),
            _ => word[..2] + mixed.Between(2, 999),
        };
    }
}
