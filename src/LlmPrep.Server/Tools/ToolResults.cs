using System.Text.Json;
using LlmPrep.Server.Json;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tools;

/// <summary>Builds tool results: structured content plus its JSON as text (as the MCP spec recommends), or a clear error.</summary>
internal static class ToolResults
{
    public static CallToolResult Structured<T>(T value, IEnumerable<ContentBlock>? extra = null)
    {
        var element = JsonSerializer.SerializeToElement(value, LlmPrepJsonContext.TypeInfo<T>());
        var content = new List<ContentBlock> { new TextContentBlock { Text = element.GetRawText() } };
        if (extra is not null)
        {
            content.AddRange(extra);
        }

        return new CallToolResult { StructuredContent = element, Content = content };
    }

    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };
}
