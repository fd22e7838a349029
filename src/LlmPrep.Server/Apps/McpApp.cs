namespace LlmPrep.Server.Apps;

/// <summary>One MCP App: a <c>ui://</c> HTML resource and the tools it is attached to.</summary>
/// <param name="Uri">The resource URI hosts read with resources/read.</param>
/// <param name="Name">The resource name.</param>
/// <param name="Title">A human-readable title.</param>
/// <param name="Description">What the view shows.</param>
/// <param name="Page">The page file it is built from (under Apps/Web).</param>
/// <param name="Tools">Tools the model calls whose results the view renders.</param>
/// <param name="AppTools">Tools only the view calls (hidden from the model).</param>
internal sealed record McpApp(string Uri, string Name, string Title, string Description, string Page, IReadOnlyList<string> Tools, IReadOnlyList<string> AppTools);
