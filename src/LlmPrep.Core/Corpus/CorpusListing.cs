using System.IO.Enumeration;

namespace LlmPrep.Core.Corpus;

/// <summary>
/// Which files under a corpus root are notes, listed the same way for the scan and the fingerprint: markdown files,
/// no names starting with a dot, no hidden or system entries, no symlinks (a link could point out of the root), and
/// not the root's own README. A root is listed in parts (its own files, then each top-level folder with everything
/// under it), so the parts can be listed on all cores at once: a listing is one stat a file.
/// </summary>
internal static class CorpusListing
{
    private static readonly EnumerationOptions Recursive = Options(true);

    private static readonly EnumerationOptions Flat = Options(false);

    private static readonly EnumerationOptions RecursiveUnstated = new() { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchType = MatchType.Simple, AttributesToSkip = 0 };

    private static readonly EnumerationOptions FlatUnstated = new() { RecurseSubdirectories = false, IgnoreInaccessible = true, MatchType = MatchType.Simple, AttributesToSkip = 0 };

    private static readonly bool IgnoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();

    /// <summary>The root's full path, without a trailing separator.</summary>
    public static string FullPath(CorpusRoot root) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root.Directory));

    /// <summary>
    /// Lists the notes under <paramref name="rootPath"/> in parts, on all cores: <paramref name="part"/> gets an
    /// enumeration's folder and whether it goes down into subfolders, and lists that part with <see cref="Files"/>.
    /// </summary>
    /// <param name="none">What a part lists when its folder is gone by the time it is listed.</param>
    public static T[] InParts<T>(string rootPath, Func<string, bool, T> part, T none)
    {
        var folders = new FileSystemEnumerable<string>(rootPath, (ref FileSystemEntry entry) => entry.ToFullPath(), Flat)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory && !entry.FileName.StartsWith('.'),
        }.ToList();

        var results = new T[folders.Count + 1];
        Parallel.For(0, results.Length, i =>
        {
            try
            {
                results[i] = i == 0 ? part(rootPath, false) : part(folders[i - 1], true);
            }
            catch (DirectoryNotFoundException)
            {
                results[i] = none;
            }
        });
        return results;
    }

    /// <summary>The notes in <paramref name="folder"/> (a folder under <paramref name="rootPath"/>, or the root itself), each turned into a <typeparamref name="T"/>.</summary>
    public static FileSystemEnumerable<T> Files<T>(string rootPath, string folder, bool recurse, FileSystemEnumerable<T>.FindTransform transform) =>
        new(folder, transform, recurse ? Recursive : Flat)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !entry.FileName.StartsWith('.'),
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory
                && !entry.FileName.StartsWith('.')
                && FileSystemName.MatchesSimpleExpression("*.md", entry.FileName, IgnoreCase)
                && !(entry.Directory.Length <= rootPath.Length && entry.FileName.Equals("README.md", StringComparison.OrdinalIgnoreCase)),
        };

    /// <summary>
    /// The candidates for notes in <paramref name="folder"/> as <see cref="Files"/> lists them, but without asking the
    /// framework for any entry's attributes (which costs a stat of the full path): only folders are checked for being
    /// hidden, system or a link; <paramref name="transform"/> stats each file itself, skips links (by returning null)
    /// and gets the same files as <see cref="Files"/>.
    /// </summary>
    public static FileSystemEnumerable<T> FilesUnstated<T>(string rootPath, string folder, bool recurse, FileSystemEnumerable<T>.FindTransform transform) =>
        new(folder, transform, recurse ? RecursiveUnstated : FlatUnstated)
        {
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                !entry.FileName.StartsWith('.') && (entry.Attributes & (FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint)) == 0,
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.IsDirectory
                && !entry.FileName.StartsWith('.')
                && FileSystemName.MatchesSimpleExpression("*.md", entry.FileName, IgnoreCase)
                && !(entry.Directory.Length <= rootPath.Length && entry.FileName.Equals("README.md", StringComparison.OrdinalIgnoreCase)),
        };

    /// <summary>The path of an entry's folder (<paramref name="directory"/>) under the root (empty for the root itself), with the platform's separators.</summary>
    public static ReadOnlySpan<char> Folder(string rootPath, ReadOnlySpan<char> directory) =>
        directory.Length > rootPath.Length
            ? directory[(Path.EndsInDirectorySeparator(rootPath) ? rootPath.Length : rootPath.Length + 1)..]
            : [];

    private static EnumerationOptions Options(bool recurse) => new()
    {
        RecurseSubdirectories = recurse,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
        MatchType = MatchType.Simple,
    };
}
