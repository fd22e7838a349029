using System.Text.Json;
using LlmPrep.Server.Json;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tools;

/// <summary>Builds tool results: structured content plus its JSON as text (as the MCP spec recommends), or a clear error.</summary>
internal static class ToolResults
{
    /// <param name="value">The structured result.</param>
    /// <param name="extra">More content blocks, such as resource links.</param>
    /// <param name="warning">Something the model should know about the result (the index lives only in memory…), added as text.</param>
    public static CallToolResult Structured<T>(T value, IEnumerable<ContentBlock>? extra = null, string? warning = null)
    {
        var element = JsonSerializer.SerializeToElement(value, LlmPrepJsonContext.TypeInfo<T>());
        var content = new List<ContentBlock> { new TextContentBlock { Text = element.GetRawText() } };
        if (extra is not null)
        {
            content.AddRange(extra);
        }

        if (warning is not null)
        {
            content.Add(new TextContentBlock { Text = "Warning: " + warning });
        }

        return new CallToolResult { StructuredContent = element, Content = content };
    }

    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}
