using System.IO.Enumeration;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// The markdown files under the corpus roots with their size and modification time, as the directory listing gives
/// them: no file is opened. Enough to tell whether anything changed since the index was last synced.
/// </summary>
internal sealed class CorpusScan
{
    private static readonly EnumerationOptions Enumeration = new()
    {
        RecurseSubdirectories = true,
        // Hidden folders (.git, .obsidian, .trash) and symlinks are skipped: a link could point out of the root.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
        MatchType = MatchType.Simple,
    };

    private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    private CorpusScan(IReadOnlyList<ScannedFile> files, IReadOnlyList<CorpusRoot> missingRoots)
    {
        Files = files;
        MissingRoots = missingRoots;
    }

    /// <summary>The files in load order: roots in order, then full path in ordinal order.</summary>
    public IReadOnlyList<ScannedFile> Files { get; }

    /// <summary>Roots whose folder does not exist.</summary>
    public IReadOnlyList<CorpusRoot> MissingRoots { get; }

    public static CorpusScan Of(IEnumerable<CorpusRoot> roots)
    {
        var files = new List<ScannedFile>();
        var missing = new List<CorpusRoot>();
        foreach (var root in roots)
        {
            if (!Directory.Exists(root.Directory))
            {
                missing.Add(root);
                continue;
            }

            var rootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root.Directory));
            var listing = new FileSystemEnumerable<(string FullPath, long Size, long Ticks)>(
                rootPath,
                (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc.UtcTicks),
                Enumeration)
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                    !entry.IsDirectory && FileSystemName.MatchesSimpleExpression("*.md", entry.FileName, IgnoreCase),
            };

            var prefix = root.Name + ":";
            var skip = Path.EndsInDirectorySeparator(rootPath) ? rootPath.Length : rootPath.Length + 1;
            foreach (var (fullPath, size, ticks) in listing.OrderBy(f => f.FullPath, StringComparer.Ordinal))
            {
                var relative = fullPath[skip..];
                if (Path.DirectorySeparatorChar != '/')
                {
                    relative = relative.Replace(Path.DirectorySeparatorChar, '/');
                }

                if (relative.Equals("README.md", StringComparison.OrdinalIgnoreCase) || relative.StartsWith('.') || relative.Contains("/.", StringComparison.Ordinal))
                {
                    continue;
                }

                files.Add(new ScannedFile(prefix + relative, fullPath, relative, size, ticks));
            }
        }

        return new CorpusScan(files, missing);
    }
}
