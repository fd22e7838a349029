namespace LlmPrep.Server.Hosting;

/// <summary>The two MCP revisions LlmPrep serves, and how to tell them apart.</summary>
public static class ProtocolRevision
{
    /// <summary>No handshake, no sessions: version and client capabilities ride in each request's <c>_meta</c>.</summary>
    public const string Current = "2026-07-28";

    /// <summary>The initialize handshake, sessions, <c>resources/subscribe</c>, server-to-client sampling and elicitation.</summary>
    public const string Handshake = "2025-11-25";

    /// <summary>True for 2026-07-28 and later revisions (dates compare in order as strings).</summary>
    public static bool UsesPerRequestMetadata(string? version) =>
        version is { Length: 10 } && string.CompareOrdinal(version, Current) >= 0;
}
