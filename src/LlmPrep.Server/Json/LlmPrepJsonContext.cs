using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Search;
using LlmPrep.Core.Topics;
using LlmPrep.Server.Apps;
using LlmPrep.Server.Tools;
using ModelContextProtocol;

namespace LlmPrep.Server.Json;

/// <summary>Source-generated JSON for every type the server sends, so it runs under Native AOT without reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SearchResult))]
[JsonSerializable(typeof(CorpusOutline))]
[JsonSerializable(typeof(TopicList))]
[JsonSerializable(typeof(ReadNoteResult))]
[JsonSerializable(typeof(QuizNextResult))]
[JsonSerializable(typeof(AnswerOutcome))]
[JsonSerializable(typeof(RevealOutcome))]
[JsonSerializable(typeof(ProgressReport))]
[JsonSerializable(typeof(StudyActivity))]
[JsonSerializable(typeof(NoteView))]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(RatingName))]
[JsonSerializable(typeof(RatingName?))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(List<KeyPointInput>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(JudgeName?))]
[JsonSerializable(typeof(KeyPointStatusName))]
internal sealed partial class LlmPrepJsonContext : JsonSerializerContext
{
    private static JsonSerializerOptions? _options;

    /// <summary>The MCP SDK's options with this context in front: what tools are registered and results serialized with.</summary>
    public static JsonSerializerOptions McpOptions => _options ??= CreateOptions();

    /// <summary>Type info for <typeparamref name="T"/> under <see cref="McpOptions"/>, matching the advertised output schema.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)McpOptions.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        // MCP protocol types name their properties explicitly, so snake_case here only shapes our own results,
        // and output schemas and structured content are generated from the same options.
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            // Nulls are written (next_offset: null), so every property the output schema requires is present.
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.TypeInfoResolverChain.Insert(0, Default);
        options.MakeReadOnly();
        return options;
    }
}
