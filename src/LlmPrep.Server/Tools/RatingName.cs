using System.Text.Json.Serialization;
using LlmPrep.Core.Progress;

namespace LlmPrep.Server.Tools;

/// <summary>The four FSRS ratings as tools accept them (lower-case strings in the input schema).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RatingName>))]
public enum RatingName
{
    [JsonStringEnumMemberName("again")]
    Again = Rating.Again,

    [JsonStringEnumMemberName("hard")]
    Hard = Rating.Hard,

    [JsonStringEnumMemberName("good")]
    Good = Rating.Good,

    [JsonStringEnumMemberName("easy")]
    Easy = Rating.Easy,
}
