namespace LlmPrep.Core.Corpus;

/// <summary>
/// Where a note's body can be read again: its root folder and its file key (root name, colon, path under the root),
/// both strings the corpus holds anyway, so no note keeps a full path of its own.
/// </summary>
/// <param name="Root">The root folder's full path.</param>
/// <param name="Key">The file's key, as <see cref="ScannedFile.Key"/>.</param>
/// <param name="RelativeStart">Where the path under the root starts in <paramref name="Key"/>.</param>
internal readonly record struct BodyFile(string Root, string Key, int RelativeStart)
{
    public string FullPath => Path.Join(Root.AsSpan(), Key.AsSpan(RelativeStart));

    public string FileName => Path.GetFileName(Key[RelativeStart..]);

    public static BodyFile Of(ScannedFile file) => new(file.RootPath, file.Key, file.RelativeStart);
}
