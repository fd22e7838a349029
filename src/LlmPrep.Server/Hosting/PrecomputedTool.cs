using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// A tool whose definition (name, description, input and output schemas) comes from the precomputed surface, so listing
/// it costs no reflection; the SDK's tool, which binds arguments and calls the method, is built on first use.
/// </summary>
internal sealed class PrecomputedTool(Tool definition, Func<McpServerTool> create) : McpServerTool
{
    private readonly Lazy<McpServerTool> _inner = new(create);

    public override Tool ProtocolTool => definition;

    public override IReadOnlyList<object> Metadata => _inner.Value.Metadata;

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        _inner.Value.InvokeAsync(request, cancellationToken);
}
