using System.Globalization;
using System.Text;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// The corpus's problems as a reader meets them: a short count with the first few, a markdown list by file,
/// and one line per file for logs. Errors come first, then warnings, each in file and line order.
/// </summary>
public static class ProblemReport
{
    /// <summary>How many problems a summary names.</summary>
    public const int FirstFew = 5;

    /// <summary>The resource that lists every problem.</summary>
    public const string ResourceUri = "llmprep://problems";

    public static IReadOnlyList<CorpusProblem> Ordered(IEnumerable<CorpusProblem> problems) =>
        problems
            .OrderBy(p => p.Severity == ProblemSeverity.Error ? 0 : 1)
            .ThenBy(p => p.File, StringComparer.Ordinal)
            .ThenBy(p => p.Line)
            .ToList();

    public static ProblemSummary Summarize(IReadOnlyList<CorpusProblem> problems, int firstFew = FirstFew)
    {
        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        var first = Ordered(problems).Take(firstFew).Select(ToEntry).ToList();
        return new ProblemSummary(errors, problems.Count - errors, problems.Select(p => p.File).Distinct().Count(), first, ResourceUri);
    }

    public static ProblemEntry ToEntry(CorpusProblem problem) =>
        new(Where(problem), problem.Severity == ProblemSeverity.Error ? "error" : "warning", problem.Message);

    /// <summary>Every problem as markdown: a count, then one list per file.</summary>
    public static string ToMarkdown(IReadOnlyList<CorpusProblem> problems)
    {
        var builder = new StringBuilder("# Corpus problems\n\n");
        if (problems.Count == 0)
        {
            return builder.Append("No problems: every note parsed cleanly.\n").ToString();
        }

        var summary = Summarize(problems, 0);
        builder.Append(CultureInfo.InvariantCulture, $"{summary.Errors} error(s) and {summary.Warnings} warning(s) in {summary.Files} file(s). ")
            .Append("A note with errors may be skipped or served in part; fix the file and the server reloads it.\n");
        foreach (var file in Ordered(problems).GroupBy(p => p.File).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.Append(CultureInfo.InvariantCulture, $"\n## {file.Key}\n\n");
            foreach (var problem in file.OrderBy(p => p.Line))
            {
                var severity = problem.Severity == ProblemSeverity.Error ? "error" : "warning";
                builder.Append(CultureInfo.InvariantCulture, $"- line {problem.Line}: {severity}: {problem.Message}\n");
            }
        }

        return builder.ToString();
    }

    /// <summary>One line per file: <c>file: line 3: error: …; line 9: warning: …</c>, for logs.</summary>
    public static IEnumerable<string> ByFile(IEnumerable<CorpusProblem> problems, int perFile = 10) =>
        Ordered(problems)
            .GroupBy(p => p.File)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var listed = g.OrderBy(p => p.Line).Take(perFile)
                    .Select(p => $"line {p.Line}: {(p.Severity == ProblemSeverity.Error ? "error" : "warning")}: {p.Message}");
                var more = g.Count() > perFile ? $"; and {g.Count() - perFile} more" : "";
                return $"{g.Key}: {string.Join("; ", listed)}{more}";
            });

    private static string Where(CorpusProblem problem) =>
        problem.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{problem.File}:{problem.Line}") : problem.File;
}
