using LlmPrep.Server.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// A tool whose definition (name, description, input and output schemas) comes from the precomputed surface, so listing
/// it costs no reflection; the definition is read when first asked for (the server's tool collection needs only the
/// name) and the SDK's tool, which binds arguments and calls the method, is built on first use. A tool with a
/// hand-written call (<paramref name="direct"/>) is called through it when its arguments are plain.
/// </summary>
internal sealed class PrecomputedTool(string name, Func<Tool> definition, Func<McpServerTool> create, DirectToolCall? direct = null)
    : McpServerTool, IMcpServerPrimitive
{
    private readonly Lazy<Tool> _definition = new(definition);

    private readonly Lazy<McpServerTool> _inner = new(create);

    public override Tool ProtocolTool => _definition.Value;

    string IMcpServerPrimitive.Id => name;

    public override IReadOnlyList<object> Metadata => _inner.Value.Metadata;

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        direct?.Invoke(request, cancellationToken) ?? _inner.Value.InvokeAsync(request, cancellationToken);
}
