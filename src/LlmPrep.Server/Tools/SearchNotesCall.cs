using LlmPrep.Core.Search;
using LlmPrep.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

/// <summary>
/// search_notes called without the SDK's reflective binding: the arguments are read from the request's JSON and
/// <see cref="SearchTools.SearchNotes"/> is called with them, so the answer is the same. Arguments of any other shape
/// go the SDK's way (see <see cref="ToolArguments"/>).
/// </summary>
internal static class SearchNotesCall
{
    public static ValueTask<CallToolResult>? TryInvoke(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        if (request.Params?.Arguments is not { } arguments || request.Services is null)
        {
            return null;
        }

        string? query = null, section = null, level = null, priority = null;
        string[]? tags = null;
        int limit = SearchService.DefaultLimit, offset = 0, maxTokens = SearchService.DefaultMaxTokens;
        foreach (var (name, value) in arguments)
        {
            var read = name switch
            {
                "query" => ToolArguments.Text(value, out query),
                "section" => ToolArguments.Text(value, out section),
                "level" => ToolArguments.Text(value, out level),
                "priority" => ToolArguments.Text(value, out priority),
                "tags" => ToolArguments.TextList(value, out tags),
                "limit" => ToolArguments.Whole(value, out limit),
                "offset" => ToolArguments.Whole(value, out offset),
                "max_tokens" => ToolArguments.Whole(value, out maxTokens),
                _ => false,
            };
            if (!read)
            {
                return null;
            }
        }

        if (query is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var tools = new SearchTools(request.Services.GetRequiredService<LibraryHost>());
        return new ValueTask<CallToolResult>(tools.SearchNotes(query, section, level, priority, tags, limit, offset, maxTokens, cancellationToken));
    }
}
