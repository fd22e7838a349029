using LlmPrep.Core;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tests.Protocol;

/// <summary>
/// The server's tool, prompt and resource collections are keyed by the names taken from the precomputed file before any
/// definition is read: each key is the name (or URI template) its definition has, and each definition is read once.
/// </summary>
public sealed class PrecomputedNameTests
{
    [Fact]
    public void Each_collection_key_is_the_name_its_definition_has()
    {
        using var provider = Provider();
        var options = provider.GetRequiredService<IOptions<McpServerOptions>>().Value;

        Assert.NotEmpty(options.ToolCollection!);
        Assert.NotEmpty(options.PromptCollection!);
        Assert.NotEmpty(options.ResourceCollection!);
        Assert.All(options.ToolCollection!, t => Assert.Equal(t.ProtocolTool.Name, ((IMcpServerPrimitive)t).Id));
        Assert.All(options.PromptCollection!, p => Assert.Equal(p.ProtocolPrompt.Name, ((IMcpServerPrimitive)p).Id));
        Assert.All(options.ResourceCollection!, r => Assert.Equal(r.ProtocolResourceTemplate.UriTemplate, ((IMcpServerPrimitive)r).Id));
        Assert.True(options.ToolCollection!.TryGetPrimitive("search_notes", out var search));
        Assert.Equal("search_notes", search.ProtocolTool.Name);
    }

    [Fact]
    public void A_definition_is_read_once()
    {
        using var provider = Provider();
        var options = provider.GetRequiredService<IOptions<McpServerOptions>>().Value;

        Assert.All(options.ToolCollection!, t => Assert.Same(t.ProtocolTool, t.ProtocolTool));
        Assert.All(options.PromptCollection!, p => Assert.Same(p.ProtocolPrompt, p.ProtocolPrompt));
        Assert.All(options.ResourceCollection!, r => Assert.Same(r.ProtocolResourceTemplate, r.ProtocolResourceTemplate));
        Assert.All(options.ResourceCollection!, r => Assert.Same(r.ProtocolResource, r.ProtocolResource));
        Assert.Contains(options.ResourceCollection!, r => r.ProtocolResource is { Uri: "llmprep://outline" });
    }

    private static ServiceProvider Provider()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLlmPrep(new ServerSettings { Library = new LibraryOptions([new CorpusRoot("fixtures", Fixtures.Corpus)], Fixtures.NewDataDirectory()) });
        return services.BuildServiceProvider();
    }
}
