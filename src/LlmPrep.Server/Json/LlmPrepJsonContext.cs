using System.Text.Json;
using System.Text.Json.Serialization;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Search;
using LlmPrep.Server.Tools;
using ModelContextProtocol;

namespace LlmPrep.Server.Json;

/// <summary>Source-generated JSON for every type the server sends, so it runs under Native AOT without reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SearchResult))]
[JsonSerializable(typeof(CorpusOutline))]
[JsonSerializable(typeof(ReadNoteResult))]
internal sealed partial class LlmPrepJsonContext : JsonSerializerContext
{
    private static JsonSerializerOptions? _options;

    /// <summary>The MCP SDK's options with this context in front: what tools and prompts are registered with.</summary>
    public static JsonSerializerOptions McpOptions => _options ??= CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions);
        options.TypeInfoResolverChain.Insert(0, Default);
        options.MakeReadOnly();
        return options;
    }
}
