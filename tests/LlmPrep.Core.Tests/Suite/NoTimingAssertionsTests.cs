using System.Text.RegularExpressions;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Suite;

/// <summary>A test that times the machine fails on a loaded one; speed is measured by <c>llmprep bench</c>, never asserted.</summary>
public sealed partial class NoTimingAssertionsTests
{
    [Fact]
    public void No_test_measures_wall_clock_time()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Clock().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f))
            .Where(f => !f.EndsWith(nameof(NoTimingAssertionsTests) + ".cs", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\bStopwatch\b|\.Elapsed(Milliseconds|Ticks)?\b|Environment\.TickCount")]
    private static partial Regex Clock();
}
