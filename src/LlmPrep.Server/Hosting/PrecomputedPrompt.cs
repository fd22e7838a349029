using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// A prompt whose definition (name, description, arguments) comes from the precomputed surface, so listing it costs no
/// reflection; the SDK's prompt, which binds arguments and calls the method, is built on first use.
/// </summary>
internal sealed class PrecomputedPrompt(Prompt definition, Func<McpServerPrompt> create) : McpServerPrompt
{
    private readonly Lazy<McpServerPrompt> _inner = new(create);

    public override Prompt ProtocolPrompt => definition;

    public override IReadOnlyList<object> Metadata => _inner.Value.Metadata;

    public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default) =>
        _inner.Value.GetAsync(request, cancellationToken);
}
