using System.IO.Enumeration;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// The markdown files under the corpus roots with their size and modification time, as the directory listing gives
/// them: no file is opened. Enough to tell whether anything changed since the index was last synced.
/// </summary>
internal sealed class CorpusScan
{
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
    /// The root's markdown files (see <see cref="CorpusListing"/>), each as its key (root name, colon, path under the
    /// root with forward slashes), size and time: one string and one stat a file, listed on all cores.
    /// </summary>
    private static IEnumerable<ScannedFile> List(CorpusRoot root)
    {
        var rootPath = CorpusListing.FullPath(root);
        var prefix = root.Name + ":";
        return CorpusListing.InParts<IReadOnlyList<ScannedFile>>(
            rootPath,
            (folder, recurse) => CorpusListing.Files(rootPath, folder, recurse, (ref FileSystemEntry entry) =>
            {
                var under = CorpusListing.Folder(rootPath, entry.Directory);
                var key = under.IsEmpty ? string.Concat(prefix, entry.FileName) : string.Concat(prefix, under, "/", entry.FileName);
                if (Path.DirectorySeparatorChar != '/')
                {
                    key = key.Replace(Path.DirectorySeparatorChar, '/');
                }

                return new ScannedFile(key, prefix.Length, rootPath, entry.Length, entry.LastWriteTimeUtc.UtcTicks);
            }).ToList(),
            []).SelectMany(part => part);
    }

    private sealed class KeyOrder : IComparer<ScannedFile>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(ScannedFile? x, ScannedFile? y) => string.CompareOrdinal(x!.Key, y!.Key);
    }
}
