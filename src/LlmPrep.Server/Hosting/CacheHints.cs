using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// How long a 2026-07-28 client may reuse a list or a read (<c>ttlMs</c>) and who may share it (<c>cacheScope</c>).
/// The tools, prompts and templates are fixed for the life of the process; the corpus changes rarely (and list
/// changes are announced to subscribers); the person's progress changes with every answer and is theirs alone.
/// 2025-11-25 results carry no hints: that revision has no such fields.
/// </summary>
public static class CacheHints
{
    /// <summary>Tools, prompts and resource templates: fixed while the server runs.</summary>
    public static readonly TimeSpan Surface = TimeSpan.FromHours(1);

    /// <summary>Notes, the outline, study plan and glossary, and the note list: edits reach subscribers at once.</summary>
    public static readonly TimeSpan Corpus = TimeSpan.FromMinutes(5);

    /// <summary>Sets the hints on a list result, for 2026-07-28 requests only.</summary>
    public static void ForList(ICacheableResult result, string? protocolVersion, TimeSpan ttl) =>
        Set(result, protocolVersion, ttl, CacheScope.Public);

    /// <summary>Sets the hints on a resource read: <c>llmprep://progress</c> is per person and never cached; corpus resources are shared.</summary>
    public static void ForRead(ReadResourceResult result, string uri, string? protocolVersion)
    {
        if (uri.Equals(Resources.ProgressResources.Uri, StringComparison.OrdinalIgnoreCase))
        {
            Set(result, protocolVersion, TimeSpan.Zero, CacheScope.Private);
        }
        else if (IsCorpus(uri))
        {
            Set(result, protocolVersion, Corpus, CacheScope.Public);
        }
    }

    private static bool IsCorpus(string uri) =>
        uri.StartsWith(Core.Corpus.NoteUri.NotesPrefix, StringComparison.OrdinalIgnoreCase)
        || uri is "llmprep://outline" or "llmprep://study-plan" or "llmprep://glossary";

    private static void Set(ICacheableResult result, string? protocolVersion, TimeSpan ttl, CacheScope scope)
    {
        if (ProtocolRevision.UsesPerRequestMetadata(protocolVersion))
        {
            result.TimeToLive = ttl;
            result.CacheScope = scope;
        }
    }
}
