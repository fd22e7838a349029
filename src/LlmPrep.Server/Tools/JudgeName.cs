using System.Text.Json.Serialization;

namespace LlmPrep.Server.Tools;

/// <summary>Who gives a quiz_rate verdict: the assistant's own judgement, or the person's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JudgeName>))]
public enum JudgeName
{
    [JsonStringEnumMemberName("assistant")]
    Assistant,

    [JsonStringEnumMemberName("person")]
    Person,
}
