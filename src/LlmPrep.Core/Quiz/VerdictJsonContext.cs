using System.Text.Json.Serialization;

namespace LlmPrep.Core.Quiz;

/// <summary>Source-generated JSON for judges' replies, so parsing runs under Native AOT.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(VerdictReply))]
internal sealed partial class VerdictJsonContext : JsonSerializerContext;
