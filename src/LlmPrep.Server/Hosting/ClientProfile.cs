using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Sampling is deprecated (MCP9005) by 2026-07-28, which is exactly why this asks whether a client still offers it.
#pragma warning disable MCP9005

namespace LlmPrep.Server.Hosting;

/// <summary>
/// What the client behind one request can do, whichever revision it speaks. A 2025-11-25 client declared its
/// capabilities once, at initialize, for the whole session; a 2026-07-28 client declares them in every request's
/// <c>_meta</c>, and the server must not remember them from one request to the next. Ask here, per request.
/// </summary>
/// <param name="ProtocolVersion">The revision of this request, or null before a handshake.</param>
/// <param name="PerRequestMetadata">True for 2026-07-28: no session, no server-to-client requests.</param>
/// <param name="CanSample">The client lends its model through <c>sampling/createMessage</c> (2025-11-25 only; deprecated after).</param>
/// <param name="CanElicit">The client can ask the person a question: an elicitation request (2025-11-25) or an input-required result (2026-07-28).</param>
public sealed record ClientProfile(string? ProtocolVersion, bool PerRequestMetadata, bool CanSample, bool CanElicit)
{
    /// <param name="server">The request's server (a tool method's <see cref="McpServer"/> parameter or <c>RequestContext.Server</c>).</param>
    /// <param name="request">The JSON-RPC request (<c>RequestContext.JsonRpcRequest</c>) when at hand; it carries the 2026-07-28 <c>_meta</c> even where the server keeps no state.</param>
    public static ClientProfile Of(McpServer server, JsonRpcRequest? request = null)
    {
        var version = request?.Context?.ProtocolVersion ?? server.NegotiatedProtocolVersion;
        var perRequest = ProtocolRevision.UsesPerRequestMetadata(version);
        var capabilities = perRequest ? request?.Context?.ClientCapabilities ?? server.ClientCapabilities : server.ClientCapabilities;
        return new ClientProfile(
            version,
            perRequest,
            CanSample: !perRequest && capabilities?.Sampling is not null,
            CanElicit: capabilities?.Elicitation is not null && (!perRequest || server.IsMrtrSupported));
    }
}
