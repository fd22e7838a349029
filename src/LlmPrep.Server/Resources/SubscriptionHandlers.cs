using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Resources;

/// <summary>
/// Following resources in both revisions. 2025-11-25: <c>resources/subscribe</c> and <c>resources/unsubscribe</c>.
/// 2026-07-28: <c>subscriptions/listen</c>, held open until the client cancels it, which acknowledges what it will
/// deliver (the resource list, the tool and prompt lists, and the subscribable URIs it was given) and then streams
/// those notifications. Notes, the outline, study plan, glossary and progress report can be followed. An
/// <c>llmprep://</c> URI that names nothing is an error for <c>resources/subscribe</c> and left out of a listen
/// acknowledgement; a URI of another scheme is accepted and simply never changes, as the protocol expects.
/// </summary>
internal static class SubscriptionHandlers
{
    public static async ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var uri = context.Params?.Uri ?? "";
        if (await CheckAsync(context.Services!, uri, cancellationToken) is { } problem)
        {
            throw problem;
        }

        await context.Services!.GetRequiredService<CorpusWatcher>().Watching.WaitAsync(cancellationToken);
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

    public static async ValueTask<EmptyResult> ListenAsync(RequestContext<SubscriptionsListenRequestParams> context, CancellationToken cancellationToken)
    {
        var requested = context.Params?.Notifications ?? new SubscriptionsListenNotifications();
        var uris = new List<string>();
        foreach (var uri in (requested.ResourceSubscriptions ?? []).Distinct(StringComparer.Ordinal))
        {
            if (await CheckAsync(context.Services!, uri, cancellationToken) is null)
            {
                uris.Add(uri);
            }
        }

        var granted = new SubscriptionsListenNotifications
        {
            ResourcesListChanged = requested.ResourcesListChanged == true ? true : null,

            // The tools and prompts are fixed while the server runs: granted, and never sent.
            ToolsListChanged = requested.ToolsListChanged == true ? true : null,
            PromptsListChanged = requested.PromptsListChanged == true ? true : null,
            ResourceSubscriptions = uris.Count > 0 ? uris : null,
        };

        var id = context.JsonRpcRequest.Id;
        var acknowledgement = System.Text.Json.JsonSerializer.SerializeToNode(
            new SubscriptionsAcknowledgedNotificationParams { Notifications = granted },
            McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(SubscriptionsAcknowledgedNotificationParams)))!.AsObject();
        await context.Services!.GetRequiredService<CorpusWatcher>().Watching.WaitAsync(cancellationToken);

        // The acknowledgement comes first on the stream; then the stream starts hearing about changes.
        await ResourceSubscriptions.SendTaggedAsync(context.Server, id, NotificationMethods.SubscriptionsAcknowledgedNotification, acknowledgement, cancellationToken);
        using var listener = context.Services!.GetRequiredService<ResourceSubscriptions>().Listen(context.Server, id, uris, granted.ResourcesListChanged == true);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        return new EmptyResult();
    }

    /// <summary>Why a URI cannot be followed, or null when it can.</summary>
    private static async Task<McpProtocolException?> CheckAsync(IServiceProvider services, string uri, CancellationToken cancellationToken)
    {
        if (uri.StartsWith(NoteUri.NotesPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var library = await services.GetRequiredService<LibraryHost>().GetAsync(cancellationToken);
            var (note, _, error) = NoteUri.Resolve(library.Corpus, uri);
            return note is null ? new McpProtocolException(error!, McpErrorCode.ResourceNotFound) : null;
        }

        if (uri.StartsWith(NoteUri.Scheme, StringComparison.OrdinalIgnoreCase)
            && uri is not ("llmprep://outline" or "llmprep://study-plan" or "llmprep://glossary" or "llmprep://progress" or ProblemReport.ResourceUri))
        {
            return new McpProtocolException($"cannot subscribe to '{uri}'; subscribe to llmprep://notes/{{path}}, llmprep://outline, llmprep://study-plan, llmprep://glossary, llmprep://progress or llmprep://problems", McpErrorCode.InvalidParams);
        }

        return null;
    }
}
