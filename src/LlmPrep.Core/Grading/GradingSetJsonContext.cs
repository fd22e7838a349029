using System.Text.Json.Serialization;

namespace LlmPrep.Core.Grading;

/// <summary>Source-generated JSON for grading sets (Native AOT needs no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(GradingSet))]
internal sealed partial class GradingSetJsonContext : JsonSerializerContext;
