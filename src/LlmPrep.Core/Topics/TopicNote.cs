using System.Text.Json.Serialization;

namespace LlmPrep.Core.Topics;

/// <summary>One note of a topic listing. The compact form leaves out the URI and summary (read_note takes the id).</summary>
public sealed record TopicNote(string Id, string Title, string Level, string Priority, int Minutes, int Cards)
{
    /// <summary>The note's llmprep:// URI (full detail only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Uri { get; init; }

    /// <summary>The note's one-line summary (full detail only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Summary { get; init; }
}
