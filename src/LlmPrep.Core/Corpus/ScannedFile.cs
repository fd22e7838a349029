namespace LlmPrep.Core.Corpus;

/// <summary>One markdown file as the directory listing shows it.</summary>
/// <param name="Key">Root name, colon, and path under the root with forward slashes, as the index keys it.</param>
/// <param name="RelativeStart">Where the path under the root starts in <paramref name="Key"/>.</param>
/// <param name="RootPath">The root folder's full path.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ModifiedTicks">Last write time (UTC ticks).</param>
internal sealed record ScannedFile(string Key, int RelativeStart, string RootPath, long Size, long ModifiedTicks)
{
    /// <summary>The path under the root, with forward slashes.</summary>
    public string Relative => Key[RelativeStart..];

    public string FullPath => Path.Join(RootPath, Relative);
}
