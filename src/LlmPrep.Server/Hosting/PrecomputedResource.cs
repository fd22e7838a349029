using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// A resource or resource template whose definition comes from the precomputed surface, so listing it costs no
/// reflection; the definition is read when first asked for (the server's resource collection needs only the URI
/// template) and the SDK's resource, which matches URIs, binds template variables and calls the method, is built on
/// first use.
/// </summary>
internal sealed class PrecomputedResource(string uriTemplate, Func<ResourceTemplate> definition, Func<McpServerResource> create)
    : McpServerResource, IMcpServerPrimitive
{
    private readonly Lazy<(ResourceTemplate Template, Resource? Resource)> _definition = new(() =>
    {
        var template = definition();
        return (template, template.AsResource());
    });

    private readonly Lazy<McpServerResource> _inner = new(create);

    public override ResourceTemplate ProtocolResourceTemplate => _definition.Value.Template;

    public override Resource? ProtocolResource => _definition.Value.Resource;

    string IMcpServerPrimitive.Id => uriTemplate;

    public override IReadOnlyList<object> Metadata => _inner.Value.Metadata;

    public override bool IsMatch(string uri) => _inner.Value.IsMatch(uri);

    public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default) =>
        _inner.Value.ReadAsync(request, cancellationToken);
}
