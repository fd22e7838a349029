using System.Globalization;
using System.Text;

namespace LlmPrep.Core.Bench;

/// <summary>
/// Writes a synthetic vault of markdown notes for speed measurements: ordinary front matter, headings, paragraphs,
/// lists, code blocks, wiki and markdown links, flashcards in the Spaced Repetition syntax, and every tenth note a full
/// corpus note (the corpus front matter and a quiz of five cards). Notes average about 4 KB with a long tail. Their
/// words come from a <see cref="VaultLexicon"/>: each note has a topic (a real note) whose words it mostly uses, so word
/// frequencies are those of real text rather than of a flat list. The same count, seed and lexicon always give
/// byte-identical files: each note draws from its own seeded generator.
/// </summary>
public static class SyntheticVault
{
    public sealed record Summary(int Notes, int CorpusNotes, long Bytes);

    private static readonly string[] Levels = ["beginner", "intermediate", "advanced", "expert"];
    private static readonly string[] Priorities = ["must", "good", "nice"];

    /// <summary>Writes <paramref name="count"/> notes under <paramref name="directory"/>, which must be new or empty.</summary>
    public static Summary Write(string directory, int count, int seed, VaultLexicon words)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new IOException($"'{directory}' is not empty: give a new or empty folder");
        }

        var vault = new Layout(count, seed, words);
        foreach (var folder in Enumerable.Range(0, vault.Folders).Select(Layout.FolderName))
        {
            Directory.CreateDirectory(Path.Combine(directory, folder));
        }

        long bytes = 0;
        Parallel.For(0, count, i =>
        {
            var text = Note(vault, i);
            var data = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(Path.Combine(directory, vault.RelativePath(i)), data);
            Interlocked.Add(ref bytes, data.Length);
        });

        return new Summary(count, (count + 9) / 10, bytes);
    }

    /// <summary>The text of note <paramref name="index"/> of a vault of <paramref name="count"/> notes.</summary>
    public static string Note(int count, int seed, VaultLexicon words, int index) => Note(new Layout(count, seed, words), index);

    private static string Note(Layout vault, int index)
    {
        var random = SeededRandom.For(vault.Seed, 1, index);
        var note = vault.TopicOf(index);
        var title = vault.Title(index);
        var corpusNote = Layout.IsCorpusNote(index);
        var text = new StringBuilder(4096);
        text.Append("---\n");
        var tags = Enumerable.Range(0, random.Between(1, 4)).Select(_ => random.Pick(VaultWords.Tags)).Distinct().ToList();
        if (corpusNote)
        {
            text.Append("id: ").Append(Layout.CorpusId(index)).Append('\n');
            text.Append("title: ").Append(title).Append('\n');
            text.Append("section: ").Append(Layout.FolderName(vault.FolderOf(index))).Append('\n');
            text.Append("level: ").Append(random.Pick(Levels)).Append('\n');
            text.Append("priority: ").Append(random.Pick(Priorities)).Append('\n');
            text.Append("minutes: ").Append(random.Between(10, 45).ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append("tags: [").Append(string.Join(", ", tags)).Append("]\n");
            text.Append("aliases: [").Append(Acronym(title)).Append("]\n");
            text.Append("summary: ").Append(Sentence(random, vault, note, index, links: false)).Append('\n');
        }
        else
        {
            text.Append("title: ").Append(title).Append('\n');
            text.Append("tags: [").Append(string.Join(", ", tags)).Append("]\n");
            if (random.Chance(40))
            {
                text.Append("aliases: [").Append(Acronym(title)).Append("]\n");
            }

            var date = new DateOnly(2023, 1, 1).AddDays(random.Below(1000));
            text.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            if (random.Chance(30))
            {
                text.Append("status: ").Append(random.Pick(["draft", "reviewed", "evergreen"])).Append('\n');
            }
        }

        text.Append("---\n\n# ").Append(title).Append("\n\n");
        Paragraph(text, random, vault, note, index);

        var sections = random.Chance(8) ? random.Between(6, 10) : random.Between(2, 4);
        var headings = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < sections; s++)
        {
            var heading = random.Chance(50) ? random.Pick(VaultWords.HeadingWords) : Capital(vault.Words.Phrase(random, note.Topic, note.Secondary));
            if (!headings.Add(heading))
            {
                heading = $"{heading} {Capital(vault.Words.Phrase(random, note.Topic, note.Secondary))}";
                headings.Add(heading);
            }

            text.Append("## ").Append(heading).Append("\n\n");
            Paragraph(text, random, vault, note, index);
            if (random.Chance(35))
            {
                Paragraph(text, random, vault, note, index);
            }

            if (random.Chance(50))
            {
                List(text, random, vault, note, index);
            }

            if (random.Chance(25))
            {
                Code(text, random, vault, note);
            }

            if (random.Chance(15))
            {
                text.Append("### ").Append(Capital(vault.Words.Phrase(random, note.Topic, note.Secondary))).Append(" in detail\n\n");
                Paragraph(text, random, vault, note, index);
            }
        }

        if (corpusNote)
        {
            Quiz(text, random, vault, note, index);
        }
        else if (random.Chance(30))
        {
            Flashcards(text, random, vault, note, index);
        }

        return text.ToString();
    }

    private static void Paragraph(StringBuilder text, SeededRandom random, Layout vault, NoteTopics note, int index)
    {
        var sentences = random.Between(2, 5);
        for (var i = 0; i < sentences; i++)
        {
            text.Append(i == 0 ? "" : " ").Append(Sentence(random, vault, note, index, links: true));
        }

        text.Append("\n\n");
    }

    private static string Sentence(SeededRandom random, Layout vault, NoteTopics note, int index, bool links)
    {
        var words = new StringBuilder();
        if (random.Chance(25))
        {
            words.Append(random.Pick(VaultWords.Openers)).Append(' ');
        }

        for (var run = random.Between(4, 6); run > 0; run--)
        {
            vault.Words.AppendRun(words, random, note.Topic, note.Secondary, 5);
            words.Append(run > 1 ? " " : "");
        }

        if (links && random.Chance(12))
        {
            var target = vault.LinkTarget(random, index);
            words.Append(random.Chance(70)
                ? $" (see [[{vault.LinkName(target)}]])"
                : $" (see [{vault.Title(target)}]({vault.RelativeLink(index, target)}))");
        }

        if (random.Chance(4))
        {
            words.Append(" #").Append(random.Pick(VaultWords.Tags));
        }

        var sentence = words.ToString();
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    private static void List(StringBuilder text, SeededRandom random, Layout vault, NoteTopics note, int index)
    {
        var numbered = random.Chance(30);
        var items = random.Between(3, 6);
        for (var i = 0; i < items; i++)
        {
            text.Append(numbered ? $"{i + 1}. " : "- ").Append(Capital(vault.Words.Phrase(random, note.Topic, note.Secondary))).Append(": ")
                .Append(Sentence(random, vault, note, index, links: true)).Append('\n');
            if (!numbered && random.Chance(15))
            {
                text.Append("  - ").Append(Sentence(random, vault, note, index, links: false)).Append('\n');
            }
        }

        text.Append('\n');
    }

    private static void Code(StringBuilder text, SeededRandom random, Layout vault, NoteTopics note)
    {
        text.Append("```\n");
        var lines = random.Between(3, 10);
        for (var i = 0; i < lines; i++)
        {
            text.Append(vault.Words.CodeLine(random, note.Topic)).Append('\n');
        }

        text.Append("```\n\n");
    }

    private static void Quiz(StringBuilder text, SeededRandom random, Layout vault, NoteTopics note, int index)
    {
        text.Append("## Quiz\n\n");
        var asked = new HashSet<string>(StringComparer.Ordinal);
        for (var card = 0; card < 5; card++)
        {
            string question;
            do
            {
                question = $"{random.Pick(["Why", "How", "When", "What"])} does {vault.Words.Phrase(random, note.Topic, note.Secondary)} {random.Pick(["matter for", "interact with", "break", "help"])} {vault.Words.Phrase(random, note.Topic, note.Secondary)}?";
            }
            while (!asked.Add(question));

            text.Append("### ").Append(question).Append("\n\n");
            for (var s = random.Between(2, 4); s > 0; s--)
            {
                text.Append(Sentence(random, vault, note, index, links: false)).Append(s > 1 ? " " : "\n\n");
            }

            text.Append("Key points:\n");
            for (var k = random.Between(2, 4); k > 0; k--)
            {
                text.Append("- ").Append(Sentence(random, vault, note, index, links: false)).Append('\n');
            }

            text.Append('\n');
        }
    }

    private static void Flashcards(StringBuilder text, SeededRandom random, Layout vault, NoteTopics note, int index)
    {
        text.Append("## Flashcards\n\n");
        for (var card = random.Between(2, 5); card > 0; card--)
        {
            text.Append("What ").Append(random.Pick(VaultWords.Verbs)).Append(' ').Append(vault.Words.Phrase(random, note.Topic, note.Secondary))
                .Append("?::").Append(Sentence(random, vault, note, index, links: false)).Append('\n');
        }

        text.Append('\n');
    }

    private static string Capital(string words) => char.ToUpperInvariant(words[0]) + words[1..];

    private static string Acronym(string title) =>
        string.Concat(title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0])));

    /// <summary>Where each note lives and what it is called; all of it follows from the count, the seed and the note's number.</summary>
    private sealed class Layout(int count, int seed, VaultLexicon words)
    {
        private readonly int _width = Math.Max(5, count.ToString(CultureInfo.InvariantCulture).Length);

        public int Seed => seed;

        public VaultLexicon Words => words;

        /// <summary>The note's topic and the neighbouring one it touches on.</summary>
        public NoteTopics TopicOf(int index)
        {
            var random = SeededRandom.For(seed, 3, index);
            return new NoteTopics(words.Topic(random), words.Topic(random));
        }

        public int Folders { get; } = Math.Clamp(count / 50, 1, 40);

        public static bool IsCorpusNote(int index) => index % 10 == 0;

        public static string CorpusId(int index) => $"gen-{index.ToString("D6", CultureInfo.InvariantCulture)}";

        public static string FolderName(int folder) => $"area-{folder.ToString("D2", CultureInfo.InvariantCulture)}";

        public int FolderOf(int index) => index % Folders;

        public string Title(int index)
        {
            var random = SeededRandom.For(seed, 2, index);
            var topics = TopicOf(index);
            var title = words.Phrase(random, topics.Topic, topics.Topic) + " " + random.Pick(["basics", "at scale", "trade-offs", "in production", "deep dive", "notes", "cheat sheet", "for interviews", "pitfalls", "versus alternatives"]);
            return $"{Capital(title)} {index.ToString(CultureInfo.InvariantCulture)}";
        }

        public string FileName(int index) =>
            IsCorpusNote(index) ? CorpusId(index) : $"{Corpus.Slug.From(Title(index)[..Title(index).LastIndexOf(' ')])}-{index.ToString($"D{_width}", CultureInfo.InvariantCulture)}";

        public string RelativePath(int index) => $"{FolderName(FolderOf(index))}/{FileName(index)}.md";

        /// <summary>What a wiki link names: a corpus note's id, or a vault note's file name as Obsidian writes it.</summary>
        public string LinkName(int index) => FileName(index);

        public string RelativeLink(int from, int to) =>
            FolderOf(from) == FolderOf(to) ? $"{FileName(to)}.md" : $"../{FolderName(FolderOf(to))}/{FileName(to)}.md";

        /// <summary>Mostly a nearby note (notes cluster by topic), sometimes any note; never the note itself.</summary>
        public int LinkTarget(SeededRandom random, int from)
        {
            var target = random.Chance(70) ? from + random.Between(-30, 30) : random.Below(count);
            target = ((target % count) + count) % count;
            return target == from ? (from + 1) % count : target;
        }
    }

    private readonly record struct NoteTopics(VaultTopic Topic, VaultTopic Secondary);
}
