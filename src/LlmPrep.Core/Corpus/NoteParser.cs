using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Parses one markdown note: front matter, headings into sections with stable anchors,
/// <c>## Quiz</c> cards, <c>[[links]]</c>, and, for plain vault notes, inline tags and
/// Obsidian spaced-repetition cards. Never throws on bad content: problems are reported.
/// </summary>
public static partial class NoteParser
{
    public const int MinCards = 5;
    public const int MinKeyPoints = 2;
    public const int MaxKeyPoints = 6;
    public const int MinWords = 600;
    public const int MaxWords = 2_500;

    private static readonly MarkdownPipeline Pipeline = BlockOnlyPipeline();

    /// <param name="relativePath">Path under the corpus root, with <c>/</c> separators and the <c>.md</c> extension.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="problems">Receives every problem found, with file and line.</param>
    public static Note Parse(string relativePath, string text, ICollection<CorpusProblem> problems) =>
        Parse(relativePath, text, problems, null, "");

    /// <summary>The body of a file's text that starts at <paramref name="startLine"/> (0-based), as <see cref="Parse(string, string, ICollection{CorpusProblem})"/> cuts it.</summary>
    internal static string BodyOf(string text, int startLine) =>
        startLine == 0 ? Normalize(text) : string.Join('\n', Normalize(text).Split('\n').Skip(startLine));

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');

    /// <param name="relativePath">Path under the corpus root, with <c>/</c> separators and the <c>.md</c> extension.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="problems">Receives every problem found, with file and line.</param>
    /// <param name="file">The file, from which the body can be read again once released; null for text with no file.</param>
    /// <param name="hash">The file's content hash.</param>
    internal static Note Parse(string relativePath, string text, ICollection<CorpusProblem> problems, BodyFile? file, string hash)
    {
        text = Normalize(text);
        var lines = text.Split('\n');
        var report = new Reporter(relativePath, problems);

        // Front matter problems count only for LlmPrep notes (those declaring 'id'); a vault note's
        // front matter is whatever Obsidian, Hugo or Jekyll put there, never an error.
        var frontMatterProblems = new List<CorpusProblem>();
        var (frontMatter, bodyStartLine) = ReadFrontMatter(lines, new Reporter(relativePath, frontMatterProblems));
        var hasFrontMatter = frontMatter is not null && frontMatter.Has("id");
        if (hasFrontMatter || (frontMatter is null && frontMatterProblems.Count > 0 && DeclaresId(lines)))
        {
            foreach (var problem in frontMatterProblems)
            {
                problems.Add(problem);
            }
        }

        var body = bodyStartLine == 0 ? text : string.Join('\n', lines.Skip(bodyStartLine));
        var source = new NoteBody(body, file, bodyStartLine, hash);
        var lineOffset = bodyStartLine; // body line 0 is file line bodyStartLine + 1

        var document = Markdown.Parse(body, Pipeline);
        var bodyIndex = new LineIndex(body);
        var codeSpans = document.Descendants<CodeBlock>().Select(b => (b.Span.Start, b.Span.End)).ToList();
        var headings = document.OfType<HeadingBlock>()
            .Select(h => new Heading(h.Level, HeadingText(body, h), h.Span.Start, h.Line + 1 + lineOffset))
            .ToList();

        var path = relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? relativePath[..^3] : relativePath;
        var fileName = path[(path.LastIndexOf('/') + 1)..];
        var folder = path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
        var h1 = headings.FirstOrDefault(h => h.Depth == 1);

        var id = (hasFrontMatter ? frontMatter!.Scalar("id") : null) ?? Slug.From(path);
        var title = NonEmpty(frontMatter?.Scalar("title")) ?? h1?.Text ?? fileName;
        var sections = BuildSections(body, source, headings, title, h1);
        var cards = new List<QuizCard>();

        if (hasFrontMatter)
        {
            ValidateFrontMatter(frontMatter!, id, title, folder, h1, report);
            var quiz = headings.FindIndex(h => h.Depth == 2 && h.Text.Equals("Quiz", StringComparison.OrdinalIgnoreCase));
            if (quiz < 0)
            {
                report.Error(lines.Length, "the note has no '## Quiz' section");
            }
            else
            {
                if (headings.Skip(quiz + 1).Any(h => h.Depth <= 2))
                {
                    report.Error(headings.Skip(quiz + 1).First(h => h.Depth <= 2).Line, "'## Quiz' must be the last '##' section");
                }

                cards.AddRange(ReadQuizCards(body, headings, quiz, id, report));
                var isStudyPlan = folder.StartsWith("00-", StringComparison.Ordinal);
                var words = CountWords(body);
                if (!isStudyPlan && words is < MinWords or > MaxWords)
                {
                    report.Warning(1, $"the note has {words} words; notes should have {MinWords} to {MaxWords}");
                }

                var minimum = isStudyPlan ? 1 : MinCards;
                if (cards.Count < minimum)
                {
                    report.Error(headings[quiz].Line, $"the quiz has {cards.Count} card(s); at least {minimum} are required");
                }
            }
        }
        var tags = FrontMatterList(frontMatter, "tags", "tag", splitOnSpaces: true)
            .Select(t => t.TrimStart('#').ToLowerInvariant())
            .Where(t => t.Length > 0)
            .ToList();
        if (!hasFrontMatter)
        {
            // Obsidian counts inline #tags together with the front matter's tags.
            tags.AddRange(InlineTags(body, codeSpans));
            cards.AddRange(SpacedRepetitionCards.Read(body, lineOffset, id, codeSpans, tags.Any(SpacedRepetitionCards.IsDeckTag), report.Warning));
        }

        _ = CorpusEnums.TryParseLevel(frontMatter?.Scalar("level"), out var level);
        _ = CorpusEnums.TryParsePriority(frontMatter?.Scalar("priority"), out var priority);
        _ = int.TryParse(frontMatter?.Scalar("minutes"), out var minutes);

        return new Note
        {
            Id = id,
            Title = title,
            Section = hasFrontMatter ? frontMatter!.Scalar("section") ?? folder : folder,
            Level = level,
            Priority = priority,
            Minutes = minutes > 0 ? minutes : EstimateMinutes(body),
            Tags = tags.Distinct().ToList(),
            Aliases = FrontMatterList(frontMatter, "aliases", "alias", splitOnSpaces: false),
            Summary = frontMatter?.Scalar("summary") ?? "",
            DefinedAcronyms = AcronymDefinitions.In(body),
            Path = path,
            BodySource = source,
            Sections = sections,
            Cards = cards,
            Links = ReadLinks(body, bodyIndex, lineOffset, codeSpans),
            Words = CountWords(body),
            HasFrontMatter = hasFrontMatter,
        };
    }

    private static (FrontMatter? FrontMatter, int BodyStartLine) ReadFrontMatter(string[] lines, Reporter report)
    {
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return (null, 0);
        }

        var end = Array.FindIndex(lines, 1, l => l.TrimEnd() is "---" or "...");
        if (end < 0)
        {
            report.Error(1, "front matter starts with '---' but is never closed");
            return (null, 0);
        }

        var problems = new List<(int Line, string Message)>();
        var frontMatter = FrontMatter.Parse(lines[1..end], 2, problems);
        foreach (var (line, message) in problems)
        {
            report.Error(line, message);
        }

        return (frontMatter, end + 1);
    }

    /// <summary>A list-valued key (or its singular spelling, as Obsidian accepts both); a plain scalar alias may hold spaces.</summary>
    private static IReadOnlyList<string> FrontMatterList(FrontMatter? frontMatter, string key, string singular, bool splitOnSpaces)
    {
        if (frontMatter is null)
        {
            return [];
        }

        var name = frontMatter.Has(key) ? key : singular;
        if (!splitOnSpaces && frontMatter.IsScalar(name))
        {
            return (frontMatter.Scalar(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return frontMatter.List(name).Where(v => v.Length > 0).ToList();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>True when an unclosed front matter block names an id, so the file was meant to be an LlmPrep note.</summary>
    private static bool DeclaresId(string[] lines) =>
        lines.Skip(1).Take(30).Any(l => l.StartsWith("id:", StringComparison.Ordinal));

    private static void ValidateFrontMatter(FrontMatter fm, string id, string title, string folder, Heading? h1, Reporter report)
    {
        foreach (var key in new[] { "id", "title", "section", "level", "priority", "minutes", "summary" })
        {
            if (string.IsNullOrWhiteSpace(fm.Scalar(key)))
            {
                report.Error(1, $"front matter field '{key}' is required");
            }
        }

        if (!KebabCase().IsMatch(id))
        {
            report.Error(fm.LineOf("id"), $"id '{id}' must be kebab-case (a-z, 0-9, hyphens)");
        }

        if (fm.Scalar("level") is { } level && !CorpusEnums.TryParseLevel(level, out _))
        {
            report.Error(fm.LineOf("level"), $"level '{level}' must be one of {string.Join(", ", CorpusEnums.LevelNames)}");
        }

        if (fm.Scalar("priority") is { } priority && !CorpusEnums.TryParsePriority(priority, out _))
        {
            report.Error(fm.LineOf("priority"), $"priority '{priority}' must be one of {string.Join(", ", CorpusEnums.PriorityNames)}");
        }

        if (fm.Scalar("minutes") is { } minutes && (!int.TryParse(minutes, out var m) || m <= 0 || m > 600))
        {
            report.Error(fm.LineOf("minutes"), $"minutes '{minutes}' must be a whole number of minutes between 1 and 600");
        }

        if (fm.Scalar("section") is { } section && folder.Length > 0 && section != folder)
        {
            report.Error(fm.LineOf("section"), $"section '{section}' does not match the folder '{folder}'");
        }

        if (h1 is null)
        {
            report.Error(1, "the note has no '# Title' heading");
        }
        else if (h1.Text != title)
        {
            report.Warning(h1.Line, $"the '# {h1.Text}' heading differs from the front matter title '{title}'");
        }
    }

    private static List<NoteSection> BuildSections(string body, NoteBody source, List<Heading> headings, string title, Heading? h1)
    {
        var sections = new List<NoteSection>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { "" };
        var firstSub = headings.FindIndex(h => h != h1);
        var leadEnd = firstSub < 0 ? body.Length : headings[firstSub].Start;
        // The lead is the text around the title heading, without the heading line itself.
        var whole = new TextRange(0, body.Length);
        sections.Add(h1 is null || h1.Start > leadEnd
            ? new NoteSection("", title, 1, h1?.Line ?? 1, source, whole, null, TextRange.Trimmed(body, 0, leadEnd))
            : new NoteSection("", title, 1, h1.Line, source, whole, new TextRange(0, h1.Start), AfterHeadingLine(body, h1.Start, leadEnd)));

        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            if (heading == h1)
            {
                continue;
            }

            var next = i + 1 < headings.Count ? headings[i + 1].Start : body.Length;
            var end = headings.Skip(i + 1).FirstOrDefault(h => h.Depth <= heading.Depth)?.Start ?? body.Length;
            var slug = Slug.From(heading.Text);
            var anchor = Slug.Unique(slug, taken);
            sections.Add(new NoteSection(
                anchor == slug ? null : anchor,
                heading.Text,
                heading.Depth,
                heading.Line,
                source,
                TextRange.TrimmedEnd(body, heading.Start, end),
                null,
                AfterHeadingLine(body, heading.Start, next)));
        }

        return sections;
    }

    /// <summary>Where <c>StripHeadingLine(body[start..end], true)</c> lies: the text after the first line, trimmed.</summary>
    private static TextRange AfterHeadingLine(string body, int start, int end)
    {
        var newline = body.IndexOf('\n', start, end - start);
        return newline < 0 ? new TextRange(start, 0) : TextRange.Trimmed(body, newline + 1, end);
    }

    private static List<QuizCard> ReadQuizCards(string body, List<Heading> headings, int quiz, string noteId, Reporter report)
    {
        var cards = new List<QuizCard>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = quiz + 1; i < headings.Count && headings[i].Depth > 2; i++)
        {
            var heading = headings[i];
            if (heading.Depth != 3)
            {
                continue;
            }

            var end = i + 1 < headings.Count ? headings[i + 1].Start : body.Length;
            var content = StripHeadingLine(body[heading.Start..end], true);
            var (answer, keyPoints, hasKeyPoints) = SplitCard(content);
            if (!hasKeyPoints)
            {
                report.Error(heading.Line, $"card '{heading.Text}' has no 'Key points:' list");
                continue;
            }

            if (answer.Length == 0)
            {
                report.Error(heading.Line, $"card '{heading.Text}' has no reference answer");
            }

            if (keyPoints.Count is < MinKeyPoints or > MaxKeyPoints)
            {
                report.Error(heading.Line, $"card '{heading.Text}' has {keyPoints.Count} key points; it needs {MinKeyPoints} to {MaxKeyPoints}");
            }

            var id = $"{noteId}/{Slug.Unique(Slug.From(heading.Text), taken)}";
            cards.Add(new QuizCard(id, noteId, heading.Text, answer, keyPoints, heading.Line));
        }

        return cards;
    }

    /// <summary>Splits a card's text into the reference answer and the bullets after <c>Key points:</c>.</summary>
    internal static (string Answer, List<string> KeyPoints, bool HasKeyPoints) SplitCard(string content)
    {
        var lines = content.Split('\n');
        var marker = Array.FindIndex(lines, l => KeyPointsMarker().IsMatch(l));
        if (marker < 0)
        {
            return (content.Trim(), [], false);
        }

        var answer = string.Join('\n', lines[..marker]).Trim();
        var points = new List<string>();
        foreach (var line in lines[(marker + 1)..])
        {
            var bullet = Bullet().Match(line);
            if (bullet.Success)
            {
                points.Add(bullet.Groups[1].Value.Trim());
            }
            else if (line.Trim().Length > 0 && points.Count > 0 && char.IsWhiteSpace(line[0]))
            {
                points[^1] += " " + line.Trim();
            }
        }

        return (answer, points, true);
    }

    private static List<NoteLink> ReadLinks(string body, LineIndex index, int lineOffset, List<(int Start, int End)> codeSpans)
    {
        var links = new List<NoteLink>();
        foreach (Match match in WikiLink().Matches(body))
        {
            if (InSpans(match.Index, codeSpans) || InInlineCode(body, match.Index))
            {
                continue;
            }

            var target = match.Groups["target"].Value.Trim();
            var heading = match.Groups["heading"].Success ? match.Groups["heading"].Value.Trim() : null;
            links.Add(new NoteLink(target, heading, index.LineOf(match.Index) + lineOffset));
        }

        return links;
    }

    private static IEnumerable<string> InlineTags(string body, List<(int Start, int End)> codeSpans) =>
        InlineTag().Matches(body)
            .Where(m => !InSpans(m.Index, codeSpans))
            .Select(m => m.Groups[1].Value.ToLowerInvariant());

    private static bool InSpans(int position, List<(int Start, int End)> spans) =>
        spans.Exists(s => position >= s.Start && position <= s.End);

    private static bool InInlineCode(string body, int position)
    {
        var lineStart = body.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var ticks = 0;
        for (var i = lineStart; i < position; i++)
        {
            if (body[i] == '`')
            {
                ticks++;
            }
        }

        return ticks % 2 == 1;
    }

    private static string HeadingText(string body, HeadingBlock block)
    {
        var raw = body.Substring(block.Span.Start, Math.Min(block.Span.Length, body.Length - block.Span.Start));
        var firstLine = raw.Split('\n')[0].Trim();
        return firstLine.StartsWith('#') ? firstLine.TrimStart('#').TrimEnd('#').Trim() : firstLine;
    }

    private static string StripHeadingLine(string text, bool hasHeading)
    {
        if (!hasHeading)
        {
            return text.Trim();
        }

        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? "" : text[(newline + 1)..].Trim();
    }

    private static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (!isSpace && !inWord)
            {
                count++;
            }

            inWord = !isSpace;
        }

        return count;
    }

    private static int EstimateMinutes(string body) => Math.Max(1, CountWords(body) / 150);

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"^\s*\**Key points:?\**:?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex KeyPointsMarker();

    [GeneratedRegex(@"^\s{0,3}[-*+]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\[\[(?<target>[^\]\|#\n]+)(?:#(?<heading>[^\]\|\n]+))?(?:\|(?<label>[^\]\n]+))?\]\]")]
    private static partial Regex WikiLink();

    [GeneratedRegex(@"(?<=^|\s)#([\p{L}_][\p{L}\p{N}_/-]*)", RegexOptions.Multiline)]
    private static partial Regex InlineTag();

    /// <summary>Only block structure is needed (headings, code blocks), so inline parsing is switched off.</summary>
    private static MarkdownPipeline BlockOnlyPipeline()
    {
        var builder = new MarkdownPipelineBuilder();
        builder.InlineParsers.Clear();
        return builder.Build();
    }

    private sealed record Heading(int Depth, string Text, int Start, int Line);

    private sealed class Reporter(string file, ICollection<CorpusProblem> problems)
    {
        public void Error(int line, string message) => problems.Add(new CorpusProblem(file, line, ProblemSeverity.Error, message));

        public void Warning(int line, string message) => problems.Add(new CorpusProblem(file, line, ProblemSeverity.Warning, message));
    }
}
