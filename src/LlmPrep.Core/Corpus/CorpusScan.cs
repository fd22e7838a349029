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

    /// <summary>The files in load order: roots in order, then path under the root in ordinal order.</summary>
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

            var start = files.Count;
            files.AddRange(List(root));
            files.Sort(start, files.Count - start, KeyOrder.Instance);
        }

        return new CorpusScan(files, missing);
    }

    /// <summary>
    /// The root's markdown files, each as its key (root name, colon, path under the root with forward slashes), size
    /// and time: one string and one stat a file. Names starting with a dot and the root's own README are left out.
    /// </summary>
    private static FileSystemEnumerable<ScannedFile> List(CorpusRoot root)
    {
        var rootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root.Directory));
        var skip = Path.EndsInDirectorySeparator(rootPath) ? rootPath.Length : rootPath.Length + 1;
        var prefix = root.Name + ":";
        return new FileSystemEnumerable<ScannedFile>(
            rootPath,
            (ref FileSystemEntry entry) =>
            {
                var folder = entry.Directory.Length > rootPath.Length ? entry.Directory[skip..] : [];
                var key = folder.IsEmpty ? string.Concat(prefix, entry.FileName) : string.Concat(prefix, folder, "/", entry.FileName);
                if (Path.DirectorySeparatorChar != '/')
                {
                    key = key.Replace(Path.DirectorySeparatorChar, '/');
                }

                return new ScannedFile(key, prefix.Length, rootPath, entry.Length, entry.LastWriteTimeUtc.UtcTicks);
            },
            Enumeration)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith('.'),
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory
                && !entry.FileName.StartsWith('.')
                && FileSystemName.MatchesSimpleExpression("*.md", entry.FileName, IgnoreCase)
                && !(entry.Directory.Length <= rootPath.Length && entry.FileName.Equals("README.md", StringComparison.OrdinalIgnoreCase)),
        };
    }

    private sealed class KeyOrder : IComparer<ScannedFile>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(ScannedFile? x, ScannedFile? y) => string.CompareOrdinal(x!.Key, y!.Key);
    }
}
