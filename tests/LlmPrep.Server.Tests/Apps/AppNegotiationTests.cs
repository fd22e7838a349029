using System.Text.Json;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Apps;

/// <summary>MCP Apps are offered to clients that declare the io.modelcontextprotocol/ui extension, and to no one else.</summary>
public sealed class AppNegotiationTests
{
    private const string AppMime = "text/html;profile=mcp-app";

    private static readonly string[] UiTools = ["quiz_next", "progress_report", "read_note"];
    private static readonly string[] AppOnlyTools = ["note_view", "progress_activity"];

    public static TheoryData<string?> Revisions => new() { "2025-11-25", null };

    private static McpClientOptions Options(string? revision, bool ui, string mime = AppMime) => new()
    {
        ProtocolVersion = revision,
        Capabilities = ui
            ? new ClientCapabilities
            {
                Extensions = new Dictionary<string, object>
                {
                    ["io.modelcontextprotocol/ui"] = JsonSerializer.SerializeToElement(new Dictionary<string, string[]> { ["mimeTypes"] = [mime] }),
                },
            }
            : new ClientCapabilities(),
    };

    [Theory]
    [MemberData(nameof(Revisions))]
    public async Task With_the_extension_tools_link_their_apps_and_app_only_tools_are_marked(string? revision)
    {
        await using var mcp = await McpHarness.StartAsync(clientOptions: Options(revision, ui: true));
        var tools = (await mcp.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        Assert.Equal("ui://llmprep/quiz", Ui(tools["quiz_next"]).GetProperty("resourceUri").GetString());
        Assert.Equal("ui://llmprep/progress", Ui(tools["progress_report"]).GetProperty("resourceUri").GetString());
        Assert.Equal("ui://llmprep/note", Ui(tools["read_note"]).GetProperty("resourceUri").GetString());
        foreach (var name in UiTools)
        {
            Assert.False(Ui(tools[name]).TryGetProperty("visibility", out _), $"{name} stays visible to the model");
            Assert.False(tools[name].Meta!.ContainsKey("ui/resourceUri"), "only the nested form, not the deprecated flat key");
        }

        foreach (var name in AppOnlyTools)
        {
            Assert.Equal(["app"], Ui(tools[name]).GetProperty("visibility").EnumerateArray().Select(v => v.GetString()));
        }

        Assert.Null(tools["search_notes"].Meta);
    }

    [Theory]
    [MemberData(nameof(Revisions))]
    public async Task With_the_extension_the_ui_resources_are_listed_and_read_back_as_app_html(string? revision)
    {
        await using var mcp = await McpHarness.StartAsync(clientOptions: Options(revision, ui: true));
        var listed = await mcp.Client.ListResourcesAsync();

        foreach (var uri in new[] { "ui://llmprep/quiz", "ui://llmprep/progress", "ui://llmprep/note" })
        {
            Assert.Equal(AppMime, listed.Single(r => r.Uri == uri).ProtocolResource.MimeType);
            var read = await mcp.Client.ReadResourceAsync(uri);
            var content = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
            Assert.Equal(AppMime, content.MimeType);
            Assert.StartsWith("<!doctype html>", content.Text, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Content-Security-Policy", content.Text, StringComparison.Ordinal);
            Assert.Contains("ui/initialize", content.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("/*@shared", content.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("{{csp}}", content.Text, StringComparison.Ordinal);
            Assert.Empty(content.Meta!["ui"]!["csp"]!["connectDomains"]!.AsArray());
        }

        Assert.Contains(listed, r => r.Uri.StartsWith("llmprep://notes/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Revisions))]
    public async Task Without_the_extension_nothing_about_apps_leaks(string? revision)
    {
        await using var mcp = await McpHarness.StartAsync(clientOptions: Options(revision, ui: false));
        var tools = await mcp.Client.ListToolsAsync();

        Assert.All(tools, t => Assert.True(t.ProtocolTool.Meta is null || !t.ProtocolTool.Meta.ContainsKey("ui"), $"{t.Name} carries _meta.ui"));
        Assert.DoesNotContain(tools, t => AppOnlyTools.Contains(t.Name));
        Assert.DoesNotContain(await mcp.Client.ListResourcesAsync(), r => r.Uri.StartsWith("ui://", StringComparison.Ordinal));
        await Assert.ThrowsAsync<McpProtocolException>(async () => await mcp.Client.ReadResourceAsync("ui://llmprep/quiz"));
        foreach (var name in AppOnlyTools)
        {
            await Assert.ThrowsAsync<McpProtocolException>(async () => await mcp.Client.CallToolAsync(name, new Dictionary<string, object?> { ["uri"] = "hybrid-search" }));
        }

        var next = await mcp.CallAsync("quiz_next", []);
        Assert.False(next.Meta?.ContainsKey("ui") ?? false);
        Assert.NotNull(next.StructuredContent);
        Assert.DoesNotContain("ui://", McpHarness.Text(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_that_lists_only_other_mime_types_gets_no_apps()
    {
        await using var mcp = await McpHarness.StartAsync(clientOptions: Options("2025-11-25", ui: true, mime: "text/uri-list"));
        var tools = await mcp.Client.ListToolsAsync();

        Assert.Null(tools.Single(t => t.Name == "quiz_next").ProtocolTool.Meta);
        Assert.DoesNotContain(tools, t => t.Name == "note_view");
    }

    [Fact]
    public async Task The_same_tool_results_go_to_clients_with_and_without_apps()
    {
        await using var plain = await McpHarness.StartAsync(clientOptions: Options("2025-11-25", ui: false));
        await using var apps = await McpHarness.StartAsync(clientOptions: Options("2025-11-25", ui: true));

        foreach (var (tool, args) in new (string, Dictionary<string, object?>)[]
        {
            ("quiz_next", new() { ["topic"] = "retrieval" }),
            ("read_note", new() { ["uri"] = "hybrid-search" }),
        })
        {
            var a = await plain.CallOkAsync(tool, args);
            var b = await apps.CallOkAsync(tool, args);
            Assert.Equal(a.GetRawText(), b.GetRawText());
        }
    }

    private static JsonElement Ui(Tool tool)
    {
        Assert.NotNull(tool.Meta);
        return JsonSerializer.SerializeToElement(tool.Meta!["ui"]);
    }
}
