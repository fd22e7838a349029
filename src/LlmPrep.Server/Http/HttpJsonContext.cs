using System.Text.Json.Serialization;

namespace LlmPrep.Server.Http;

/// <summary>Source-generated JSON for the HTTP host's own documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProtectedResourceMetadata))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
