using System.Text.Json.Serialization;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Builds the JSON metadata of the MCP definition, request and result types on another core while the stdio server is
/// being set up. Creating the MCP server and reading the tool definitions build it for every method and definition,
/// which was over a tenth of start-up, all on the one thread that also reads the settings; built beforehand, both find
/// it cached.
/// </summary>
internal static class ProtocolMetadata
{
    /// <summary>The definitions <see cref="PrecomputedSurface"/> reads with the SDK's default options.</summary>
    private static readonly Type[] Definitions = [typeof(Tool), typeof(Prompt), typeof(ResourceTemplate), typeof(Resource)];

    /// <summary>The parameter and result types of the methods the server registers handlers for when it is created.</summary>
    private static readonly Type[] Types =
    [
        typeof(JsonRpcMessage), typeof(Implementation),
        typeof(InitializeRequestParams), typeof(InitializeResult),
        typeof(ListToolsRequestParams), typeof(ListToolsResult), typeof(CallToolRequestParams), typeof(CallToolResult),
        typeof(ListPromptsRequestParams), typeof(ListPromptsResult), typeof(GetPromptRequestParams), typeof(GetPromptResult),
        typeof(ListResourcesRequestParams), typeof(ListResourcesResult), typeof(ListResourceTemplatesRequestParams),
        typeof(ListResourceTemplatesResult), typeof(ReadResourceRequestParams), typeof(ReadResourceResult),
        typeof(SubscribeRequestParams), typeof(UnsubscribeRequestParams), typeof(EmptyResult),
        typeof(CompleteRequestParams), typeof(CompleteResult),
        typeof(DiscoverRequestParams), typeof(DiscoverResult),
#pragma warning disable MCP9005 // logging/setLevel is still served to clients of the earlier revisions
        typeof(SetLevelRequestParams),
#pragma warning restore MCP9005
    ];

    /// <summary>Starts building the metadata on the thread pool and returns at once.</summary>
    public static void BuildInBackground() => ThreadPool.UnsafeQueueUserWorkItem(static _ => Build(), null);

    /// <summary>
    /// The types the server's creation needs first; then the definitions, which are read only when first asked for (a
    /// listing or a call), after the first answer.
    /// </summary>
    private static void Build()
    {
        // The SDK's own source-generated context caches what it builds in its options, the cache the server reads.
        if (McpJsonUtilities.DefaultOptions.TypeInfoResolverChain.OfType<JsonSerializerContext>().FirstOrDefault() is { } context)
        {
            foreach (var type in Types)
            {
                context.Options.GetTypeInfo(type);
            }
        }

        foreach (var type in Definitions)
        {
            McpJsonUtilities.DefaultOptions.GetTypeInfo(type);
        }
    }
}
