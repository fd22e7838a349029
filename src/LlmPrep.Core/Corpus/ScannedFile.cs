namespace LlmPrep.Core.Corpus;

/// <summary>One markdown file as the directory listing shows it.</summary>
/// <param name="Key">Root name and relative path, as the index keys it.</param>
/// <param name="FullPath">Where the file is.</param>
/// <param name="Relative">Its path under its root, with forward slashes.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ModifiedTicks">Last write time (UTC ticks).</param>
internal sealed record ScannedFile(string Key, string FullPath, string Relative, long Size, long ModifiedTicks);
