using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LlmPrep.Server.Arguments;
using LlmPrep.Server.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Answers a <c>tools/call</c> of a tool with a hand-written call (<see cref="DirectToolCalls"/>) on the thread that read
/// it. The SDK hands every message to a pool thread before it handles it, and waking that thread is a fixed part of
/// each round trip; a search that the open library answers at once does not need it. Only a request that nothing else
/// in the SDK's handling applies to is answered here: no <c>_meta</c> (progress tokens, per-request protocol versions),
/// arguments the argument check lets through and the call reads itself, the library already open, and a call that
/// completes at once without an exception. Every other request, and a call that did not complete, goes the SDK's way,
/// which runs it again: both tools only read. The transport writes the answer the SDK would write for the same result.
/// </summary>
internal sealed class InlineToolCalls(McpServer server, LibraryHost host)
{
    private static readonly JsonTypeInfo<CallToolRequestParams> ParamsType =
        (JsonTypeInfo<CallToolRequestParams>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolRequestParams));

    /// <summary>The result of the call <paramref name="request"/> makes, or null when the SDK must handle it.</summary>
    public CallToolResult? TryCall(JsonRpcRequest request)
    {
        if (request is not { Method: RequestMethods.ToolsCall, Context: null, Params: JsonObject parameters } ||
            !host.IsLoaded ||
            !HasOnlyNameAndArguments(parameters, out var name) ||
            DirectToolCalls.For(name) is not { } direct ||
            server.ServerOptions.ToolCollection?.TryGetPrimitive(name, out _) != true ||
            ArgumentCheck.Check(server, request) is not null)
        {
            return null;
        }

        try
        {
            if (JsonSerializer.Deserialize(parameters, ParamsType) is not { } callParameters ||
                direct(new RequestContext<CallToolRequestParams>(server, request, callParameters), CancellationToken.None) is not { IsCompletedSuccessfully: true } call)
            {
                return null;
            }

            return call.Result;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The SDK's handling runs the call again and answers its failure the way it answers every tool's.
            return null;
        }
    }

    /// <summary>After an answer made here is written: what the server does after every answer it sends (<see cref="LibraryHost.CollectAfterAnswer"/>).</summary>
    public void Answered() => host.CollectAnswerGarbage();

    private static bool HasOnlyNameAndArguments(JsonObject parameters, out string name)
    {
        name = "";
        if (parameters.Count != 2 ||
            parameters["name"] is not JsonValue nameValue || !nameValue.TryGetValue(out string? text) ||
            parameters["arguments"] is not JsonObject)
        {
            return false;
        }

        name = text;
        return true;
    }
}
