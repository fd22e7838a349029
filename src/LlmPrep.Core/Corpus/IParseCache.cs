namespace LlmPrep.Core.Corpus;

/// <summary>Parses kept from an earlier run (beside the index), found by file key, size and modification time.</summary>
internal interface IParseCache
{
    /// <summary>The file's parse when the cache holds one for exactly this size and modification time, else null.</summary>
    ParsedFile? Find(string key, long size, long modifiedTicks, string fullPath);
}
