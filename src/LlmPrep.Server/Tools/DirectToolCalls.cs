using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

/// <summary>A hand-written call of one tool, or null when its arguments are left to the SDK's binding.</summary>
internal delegate ValueTask<CallToolResult>? DirectToolCall(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken);

/// <summary>The tools that are called without the SDK's reflective binding, by name.</summary>
internal static class DirectToolCalls
{
    public static DirectToolCall? For(string tool) => tool switch
    {
        "search_notes" => SearchNotesCall.TryInvoke,
        "read_note" => ReadNoteCall.TryInvoke,
        _ => null,
    };
}
