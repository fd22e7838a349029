using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// A resource or resource template whose definition comes from the precomputed surface, so listing it costs no
/// reflection; the SDK's resource, which matches URIs, binds template variables and calls the method, is built on first use.
/// </summary>
internal sealed class PrecomputedResource(ResourceTemplate definition, Func<McpServerResource> create) : McpServerResource
{
    private readonly Lazy<McpServerResource> _inner = new(create);

    public override ResourceTemplate ProtocolResourceTemplate => definition;

    public override Resource? ProtocolResource { get; } = definition.AsResource();

    public override IReadOnlyList<object> Metadata => _inner.Value.Metadata;

    public override bool IsMatch(string uri) => _inner.Value.IsMatch(uri);

    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default) =>
        _inner.Value.ReadAsync(request, cancellationToken);
}
