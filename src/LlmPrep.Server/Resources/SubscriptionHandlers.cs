using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Resources;

/// <summary>
/// <c>resources/subscribe</c> and <c>resources/unsubscribe</c>: notes, the outline, study plan, glossary, progress
/// report and problem list can be watched. An <c>llmprep://</c> URI that names nothing is an error; a URI of another scheme is
/// accepted and simply never changes, as the protocol expects of subscriptions.
/// </summary>
internal static class SubscriptionHandlers
{
    public static async ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var uri = context.Params?.Uri ?? "";
        if (uri.StartsWith(NoteUri.NotesPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var library = await context.Services!.GetRequiredService<LibraryHost>().GetAsync(cancellationToken);
            var (note, _, error) = NoteUri.Resolve(library.Corpus, uri);
            if (note is null)
            {
                throw new McpProtocolException(error!, McpErrorCode.ResourceNotFound);
            }
        }
        else if (uri.StartsWith(NoteUri.Scheme, StringComparison.OrdinalIgnoreCase)
            && uri is not ("llmprep://outline" or "llmprep://study-plan" or "llmprep://glossary" or "llmprep://progress" or ProblemReport.ResourceUri))
        {
            throw new McpProtocolException($"cannot subscribe to '{uri}'; subscribe to llmprep://notes/{{path}}, llmprep://outline, llmprep://study-plan, llmprep://glossary, llmprep://progress or llmprep://problems", McpErrorCode.InvalidParams);
        }

        context.Services!.GetRequiredService<ResourceSubscriptions>().Subscribe(context.Server, uri);
        return new EmptyResult();
    }

    public static ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        if (context.Params?.Uri is { } uri)
        {
            context.Services!.GetRequiredService<ResourceSubscriptions>().Unsubscribe(context.Server, uri);
        }

        return ValueTask.FromResult(new EmptyResult());
    }
}
