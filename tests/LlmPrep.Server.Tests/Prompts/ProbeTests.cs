using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Protocol;
using ModelContextProtocol;
using Xunit.Abstractions;

namespace LlmPrep.Server.Tests.Prompts;

public sealed class ProbePromptTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Probe()
    {
        await using var mcp = await McpHarness.StartAsync();
        var list = await mcp.Client.ListPromptsAsync();
        foreach (var p in list) output.WriteLine($"{p.Name}: {string.Join(", ", p.ProtocolPrompt.Arguments!.Select(a => $"{a.Name} req={a.Required} d={a.Description}"))}");
        var ok = await mcp.Client.GetPromptAsync("probe", new Dictionary<string, object?> { ["topic"] = "x", ["minutes"] = "30", ["hours"] = "1.5" });
        output.WriteLine(((TextContentBlock)ok.Messages[0].Content).Text);
        foreach (var args in new[] { new Dictionary<string, object?>(), new Dictionary<string, object?> { ["topic"] = "x", ["minutes"] = "abc" } })
        {
            try { await mcp.Client.GetPromptAsync("probe", args); } catch (McpException e) { output.WriteLine($"{e.GetType().Name}: {e.Message}"); }
        }
    }
}
