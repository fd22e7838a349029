using System.Text.Json.Nodes;

namespace LlmPrep.Server.Tests.Support;

/// <summary>Judges' replies in the rubric's JSON shape, as a model would write them.</summary>
public static class Verdicts
{
    public static string Json(string[] statuses, string[]? falseClaims = null, string feedback = "Clear on lexical versus dense; say why fusion helps.") => new JsonObject
    {
        ["key_points"] = new JsonArray([.. statuses.Select((s, i) => (JsonNode)new JsonObject { ["index"] = i + 1, ["status"] = s, ["evidence"] = "..." })]),
        ["false_claims"] = new JsonArray([.. (falseClaims ?? []).Select(c => (JsonNode)JsonValue.Create(c))]),
        ["feedback"] = feedback,
    }.ToJsonString();

    /// <summary>quiz_rate's key_points argument.</summary>
    public static List<Dictionary<string, object?>> KeyPoints(params string[] statuses) =>
        [.. statuses.Select((s, i) => new Dictionary<string, object?> { ["index"] = i + 1, ["status"] = s })];
}
