using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Prompts;

[McpServerPromptType]
public sealed class ProbePrompts
{
    [McpServerPrompt(Name = "probe"), Description("probe")]
    public static GetPromptResult Probe([Description("t")] string topic, [Description("m")] int minutes = 45, [Description("h")] double hours = 2) =>
        new() { Messages = [new() { Role = Role.User, Content = new TextContentBlock { Text = $"{topic} {minutes} {hours}" } }] };
}
