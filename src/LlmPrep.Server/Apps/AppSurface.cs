using System.Text.Json.Nodes;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Json;
using LlmPrep.Server.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Apps;

/// <summary>
/// Offers the MCP Apps only to clients that declare the <c>io.modelcontextprotocol/ui</c> extension (in the initialize
/// capabilities, or in each request's <c>_meta</c> on the 2026-07-28 revision): their tools/list carries
/// <c>_meta.ui</c> and the app-only tools, their resources/list and resources/read the <c>ui://</c> pages. Other
/// clients see the server exactly as it is without apps.
/// </summary>
internal static class AppSurface
{
    public static IMcpServerBuilder WithApps(this IMcpServerBuilder builder) => builder
        .WithPrecomputedTools<AppTools>(LlmPrepJsonContext.McpOptions)
        .WithRequestFilters(filters => filters
            .AddListToolsFilter(next => async (context, cancellationToken) =>
            {
                var result = await next(context, cancellationToken);
                return Declared(context) ? WithUiMeta(result) : WithoutAppTools(result);
            })
            .AddCallToolFilter(next => (context, cancellationToken) =>
                !Declared(context) && AppCatalog.IsAppOnly(context.Params?.Name)
                    ? throw new McpProtocolException($"Unknown tool: '{context.Params!.Name}'", McpErrorCode.InvalidParams)
                    : next(context, cancellationToken))
            .AddListResourcesFilter(next => async (context, cancellationToken) =>
            {
                var result = await next(context, cancellationToken);
                if (Declared(context) && context.Params?.Cursor is null)
                {
                    result.Resources = [.. AppCatalog.All.Select(ToResource), .. result.Resources];
                }

                return result;
            })
            .AddReadResourceFilter(next => (context, cancellationToken) =>
            {
                var uri = context.Params?.Uri;
                if (uri is null || !uri.StartsWith(AppCatalog.Scheme, StringComparison.OrdinalIgnoreCase))
                {
                    return next(context, cancellationToken);
                }

                if (!Declared(context) || AppCatalog.ForUri(uri) is not { } app)
                {
                    throw new McpProtocolException($"unknown resource '{uri}'", McpErrorCode.ResourceNotFound);
                }

                return ValueTask.FromResult(new ReadResourceResult
                {
                    Contents = [new TextResourceContents { Uri = app.Uri, MimeType = AppCatalog.MimeType, Text = AppPages.Html(app), Meta = ResourceMeta() }],
                });
            }));

    private static bool Declared<T>(RequestContext<T> context) =>
        UiExtension.IsDeclared(context.JsonRpcRequest?.Context?.ClientCapabilities ?? context.Server.ClientCapabilities);

    /// <summary>Copies of the listed tools (the registered ones are shared by every session) with <c>_meta.ui</c> where an app renders them.</summary>
    private static ListToolsResult WithUiMeta(ListToolsResult result)
    {
        result.Tools = [.. result.Tools.Select(tool => AppCatalog.ForTool(tool.Name) is var (app, appOnly) ? Linked(tool, app, appOnly) : tool)];
        return result;
    }

    private static ListToolsResult WithoutAppTools(ListToolsResult result)
    {
        result.Tools = [.. result.Tools.Where(t => !AppCatalog.IsAppOnly(t.Name))];
        return result;
    }

    private static Tool Linked(Tool tool, McpApp app, bool appOnly)
    {
        var meta = tool.Meta?.DeepClone().AsObject() ?? [];
        var ui = new JsonObject { ["resourceUri"] = app.Uri };
        if (appOnly)
        {
            ui["visibility"] = new JsonArray("app");
        }

        meta["ui"] = ui;
        return new Tool
        {
            Name = tool.Name,
            Title = tool.Title,
            Description = tool.Description,
            InputSchema = tool.InputSchema,
            OutputSchema = tool.OutputSchema,
            Annotations = tool.Annotations,
            Icons = tool.Icons,
            Meta = meta,
        };
    }

    private static Resource ToResource(McpApp app) => new()
    {
        Uri = app.Uri,
        Name = app.Name,
        Title = app.Title,
        Description = app.Description,
        MimeType = AppCatalog.MimeType,
        Meta = ResourceMeta(),
    };

    /// <summary>No external origin of any kind; a bordered card.</summary>
    private static JsonObject ResourceMeta() => new()
    {
        ["ui"] = new JsonObject
        {
            ["csp"] = new JsonObject
            {
                ["connectDomains"] = new JsonArray(),
                ["resourceDomains"] = new JsonArray(),
                ["frameDomains"] = new JsonArray(),
                ["baseUriDomains"] = new JsonArray(),
            },
            ["prefersBorder"] = true,
        },
    };
}
