using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Prompts;

/// <summary>
/// One server on the bundled corpus (copied beside the test assembly), shared by a test class: prompts and
/// completions only make sense on the real notes. Tests that record reviews start their own.
/// </summary>
public sealed class RealCorpus : IAsyncLifetime
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "corpus");

    public McpHarness Mcp { get; private set; } = null!;

    public static Task<McpHarness> StartAsync(string? dataDirectory = null, string? protocolVersion = null)
    {
        Assert.True(Directory.Exists(System.IO.Path.Combine(Path, "09-interview-prep")), $"the bundled corpus is not beside the tests at {Path}");
        return McpHarness.StartAsync(corpus: Path, dataDirectory: dataDirectory, protocolVersion: protocolVersion);
    }

    public async Task InitializeAsync() => Mcp = await StartAsync();

    public async Task DisposeAsync() => await Mcp.DisposeAsync();
}

/// <summary>Assertions on prompt results.</summary>
public static class PromptAssert
{
    /// <summary>The text of every text message, joined.</summary>
    public static string Text(GetPromptResult result) =>
        string.Join('\n', result.Messages.Select(m => m.Content).OfType<TextContentBlock>().Select(b => b.Text));

    /// <summary>Every embedded resource, checked to be a non-empty markdown note (or the progress report).</summary>
    public static IReadOnlyList<TextResourceContents> Resources(GetPromptResult result)
    {
        var resources = result.Messages.Select(m => m.Content).OfType<EmbeddedResourceBlock>().Select(b => Assert.IsType<TextResourceContents>(b.Resource)).ToList();
        Assert.All(result.Messages, m => Assert.Equal(Role.User, m.Role));
        Assert.All(resources, r =>
        {
            Assert.StartsWith("llmprep://", r.Uri, StringComparison.Ordinal);
            Assert.Equal("text/markdown", r.MimeType);
            Assert.False(string.IsNullOrWhiteSpace(r.Text), $"{r.Uri} is empty");
        });
        return resources;
    }

    /// <summary>The URIs of the embedded resources.</summary>
    public static IReadOnlyList<string> Uris(GetPromptResult result) => [.. Resources(result).Select(r => r.Uri)];

    /// <summary>Asserts a note is embedded whole, with the same text resources/read returns for it.</summary>
    public static void EmbedsNote(GetPromptResult result, string path) =>
        Assert.Contains($"llmprep://notes/{path}", Uris(result));

    public static void Mentions(GetPromptResult result, params string[] phrases)
    {
        var text = Text(result);
        foreach (var phrase in phrases)
        {
            Assert.Contains(phrase, text, StringComparison.Ordinal);
        }
    }
}
