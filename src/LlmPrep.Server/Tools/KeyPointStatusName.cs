using System.Text.Json.Serialization;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Server.Tools;

/// <summary>A key point's status as tools accept it (lower-case strings in the input schema).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyPointStatusName>))]
public enum KeyPointStatusName
{
    [JsonStringEnumMemberName("covered")]
    Covered = KeyPointStatus.Covered,

    [JsonStringEnumMemberName("partly")]
    Partly = KeyPointStatus.Partly,

    [JsonStringEnumMemberName("missed")]
    Missed = KeyPointStatus.Missed,

    [JsonStringEnumMemberName("contradicted")]
    Contradicted = KeyPointStatus.Contradicted,
}
