namespace LlmPrep.Core.Corpus;

/// <summary>Parses kept from an earlier run (beside the index), found by file key, size and modification time.</summary>
internal interface IParseCache
{
    /// <summary>
    /// Fills each empty slot of <paramref name="parses"/> whose file the cache holds for exactly its size and
    /// modification time; slots it has no usable parse for stay empty. Returns how many it filled.
    /// </summary>
    int Fill(IReadOnlyList<ScannedFile> files, ParsedFile?[] parses);
}
