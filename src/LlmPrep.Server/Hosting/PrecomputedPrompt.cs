using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// A prompt whose definition (name, description, arguments) comes from the precomputed surface, so listing it costs no
/// reflection; the definition is read when first asked for (the server's prompt collection needs only the name) and
/// the SDK's prompt, which binds arguments and calls the method, is built on first use.
/// </summary>
internal sealed class PrecomputedPrompt(string name, Func<Prompt> definition, Func<McpServerPrompt> create) : McpServerPrompt, IMcpServerPrimitive
{
    private readonly Lazy<Prompt> _definition = new(definition);

    private readonly Lazy<McpServerPrompt> _inner = new(create);

    public override Prompt ProtocolPrompt => _definition.Value;

    string IMcpServerPrimitive.Id => name;

    public override IReadOnlyList<object> Metadata => _inner.Value.Metadata;

    public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default) =>
        _inner.Value.GetAsync(request, cancellationToken);
}
