using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Shapes every list and read the same way, whoever produced it: tools and prompts sorted by name (a stable order
/// clients can diff and cache), an icon on each tool, prompt, resource and template, and 2026-07-28 caching hints.
/// </summary>
public static class ListingFilters
{
    public static IMcpServerBuilder WithListingFilters(this IMcpServerBuilder builder) => builder.WithRequestFilters(filters => filters
        .AddListToolsFilter(next => async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            result.Tools = [.. result.Tools.OrderBy(t => t.Name, StringComparer.Ordinal)];
            foreach (var tool in result.Tools)
            {
                tool.Icons ??= ServerIcons.For(tool.Name);
            }

            CacheHints.ForList(result, Version(context), CacheHints.Surface);
            return result;
        })
        .AddListPromptsFilter(next => async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            result.Prompts = [.. result.Prompts.OrderBy(p => p.Name, StringComparer.Ordinal)];
            foreach (var prompt in result.Prompts)
            {
                prompt.Icons ??= ServerIcons.For(prompt.Name);
            }

            CacheHints.ForList(result, Version(context), CacheHints.Surface);
            return result;
        })
        .AddListResourceTemplatesFilter(next => async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            foreach (var template in result.ResourceTemplates)
            {
                template.Icons ??= ServerIcons.ForResource(template.UriTemplate);
            }

            CacheHints.ForList(result, Version(context), CacheHints.Surface);
            return result;
        })
        .AddListResourcesFilter(next => async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            foreach (var resource in result.Resources)
            {
                resource.Icons ??= ServerIcons.ForResource(resource.Uri);
            }

            CacheHints.ForList(result, Version(context), CacheHints.Corpus);
            return result;
        })
        .AddReadResourceFilter(next => async (context, cancellationToken) =>
        {
            var result = await next(context, cancellationToken);
            CacheHints.ForRead(result, context.Params?.Uri ?? "", Version(context));
            return result;
        }));

    /// <summary>The revision of this request: its own <c>_meta</c> (2026-07-28) or the session's handshake.</summary>
    private static string? Version<T>(RequestContext<T> context) =>
        context.JsonRpcRequest.Context?.ProtocolVersion ?? context.Server.NegotiatedProtocolVersion;
}
