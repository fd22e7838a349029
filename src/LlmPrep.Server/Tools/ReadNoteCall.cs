using LlmPrep.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tools;

/// <summary>
/// read_note called without the SDK's reflective binding: the arguments are read from the request's JSON and
/// <see cref="ReadTools.ReadNote"/> is called with them, so the answer is the same. Arguments of any other shape go
/// the SDK's way (see <see cref="ToolArguments"/>).
/// </summary>
internal static class ReadNoteCall
{
    public static ValueTask<CallToolResult>? TryInvoke(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        if (request.Params?.Arguments is not { } arguments || request.Services is null)
        {
            return null;
        }

        string? uri = null;
        int offset = 0, maxTokens = ReadTools.DefaultMaxTokens;
        foreach (var (name, value) in arguments)
        {
            var read = name switch
            {
                "uri" => ToolArguments.Text(value, out uri),
                "offset" => ToolArguments.Whole(value, out offset),
                "max_tokens" => ToolArguments.Whole(value, out maxTokens),
                _ => false,
            };
            if (!read)
            {
                return null;
            }
        }

        if (uri is null)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var tools = new ReadTools(request.Services.GetRequiredService<LibraryHost>());
        return new ValueTask<CallToolResult>(tools.ReadNote(uri, offset, maxTokens, cancellationToken));
    }
}
