namespace LlmPrep.Core.Corpus;

/// <summary>A markdown file found under a corpus root, with what the index needs to sync it.</summary>
/// <param name="Key">Root name and relative path, e.g. <c>bundled:03-rag-and-embeddings/hybrid-search.md</c>.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ModifiedTicks">Last write time (UTC ticks).</param>
/// <param name="Hash">Content hash, hex.</param>
/// <param name="Note">The parsed note, or null when it was skipped (duplicate id or path).</param>
public sealed record NoteFile(string Key, long Size, long ModifiedTicks, string Hash, Note? Note)
{
    private readonly HashText _hash = HashText.Of(Hash);

    /// <summary>A file without its note yet, whose hash is already held as bytes.</summary>
    internal NoteFile(string key, long size, long modifiedTicks, HashText hash)
        : this(key, size, modifiedTicks, null!, null)
    {
        _hash = hash;
    }

    /// <summary>Content hash, hex (held as its bytes, written out when read).</summary>
    public string Hash
    {
        get => _hash.Text;
        init => _hash = HashText.Of(value);
    }
}
