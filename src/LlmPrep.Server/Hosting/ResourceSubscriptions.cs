using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Who wants to hear about which resources, and the notifications they get when the corpus or the person's
/// progress changes, in both revisions:
/// <list type="bullet">
/// <item>2025-11-25 sessions subscribe with <c>resources/subscribe</c> and get <c>notifications/resources/updated</c>
/// per subscribed URI, plus <c>notifications/resources/list_changed</c> once they have listed resources;</item>
/// <item>2026-07-28 clients hold a <c>subscriptions/listen</c> request open and get the same notifications over
/// that request's stream, tagged with its id, for exactly what they asked for.</item>
/// </list>
/// </summary>
public sealed class ResourceSubscriptions(IProgressUser user)
{
    // 2025-11-25 sessions by session id: stdio has one session per process (no id); HTTP sessions have ids.
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Listener, byte> _listeners = new();

    /// <summary>Remembers a 2025-11-25 session so it hears about list changes (2026-07-28 clients ask through <c>subscriptions/listen</c>).</summary>
    public void Track(McpServer server)
    {
        if (!ProtocolRevision.UsesPerRequestMetadata(server.NegotiatedProtocolVersion))
        {
            SessionOf(server);
        }
    }

    public void Subscribe(McpServer server, string uri) => SessionOf(server).Uris[uri] = 0;

    public void Unsubscribe(McpServer server, string uri)
    {
        if (_sessions.TryGetValue(server.SessionId ?? "", out var session))
        {
            session.Uris.TryRemove(uri, out _);
        }
    }

    public IReadOnlyCollection<string> SubscribedUris(McpServer server) =>
        _sessions.TryGetValue(server.SessionId ?? "", out var session) ? session.Uris.Keys.ToList() : [];

    /// <summary>Adds a 2026-07-28 <c>subscriptions/listen</c> stream; dispose the result when the request ends.</summary>
    /// <param name="server">The listen request's server, which writes to that request's own stream.</param>
    /// <param name="subscriptionId">The listen request's id, echoed in every notification's <c>_meta</c>.</param>
    public IDisposable Listen(McpServer server, RequestId subscriptionId, IReadOnlyCollection<string> uris, bool listChanged)
    {
        var listener = new Listener(server, subscriptionId, uris.ToHashSet(StringComparer.Ordinal), listChanged, user.UserId, this);
        _listeners[listener] = 0;
        return listener;
    }

    /// <summary>Sends a notification tagged with a listen stream's subscription id over that stream.</summary>
    public static Task SendTaggedAsync(McpServer server, RequestId subscriptionId, string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        parameters ??= [];
        JsonNode? id = subscriptionId.Id switch
        {
            string text => JsonValue.Create(text),
            long number => JsonValue.Create(number),
            _ => null,
        };
        parameters["_meta"] = new JsonObject { [MetaKeys.SubscriptionId] = id };
        return server.SendMessageAsync(new JsonRpcNotification { Method = method, Params = parameters }, cancellationToken);
    }

    /// <summary>
    /// Notifies every session and listen stream following a URI that <paramref name="isChanged"/> accepts and, when
    /// <paramref name="listChanged"/>, everyone following the resource list. With <paramref name="forUser"/> (a change to
    /// one person's progress) only that user's sessions and streams hear of it.
    /// </summary>
    public async Task NotifyAsync(Func<string, bool> isChanged, bool listChanged, CancellationToken cancellationToken, string? forUser = null)
    {
        foreach (var (key, session) in _sessions)
        {
            if (forUser is not null && session.User != forUser)
            {
                continue;
            }

            try
            {
                if (listChanged)
                {
                    await session.Server.SendNotificationAsync(NotificationMethods.ResourceListChangedNotification, cancellationToken);
                }

                foreach (var uri in session.Uris.Keys.Where(isChanged))
                {
                    await session.Server.SendNotificationAsync(
                        NotificationMethods.ResourceUpdatedNotification,
                        new ResourceUpdatedNotificationParams { Uri = uri },
                        McpJsonUtilities.DefaultOptions,
                        cancellationToken: cancellationToken);
                }
            }
            catch (Exception ex) when (IsGone(ex))
            {
                _sessions.TryRemove(key, out _);
            }
        }

        foreach (var listener in _listeners.Keys)
        {
            if (forUser is not null && listener.User != forUser)
            {
                continue;
            }

            try
            {
                if (listChanged && listener.ListChanged)
                {
                    await SendTaggedAsync(listener.Server, listener.Id, NotificationMethods.ResourceListChangedNotification, null, cancellationToken);
                }

                foreach (var uri in listener.Uris.Where(isChanged))
                {
                    await SendTaggedAsync(listener.Server, listener.Id, NotificationMethods.ResourceUpdatedNotification, new JsonObject { ["uri"] = uri }, cancellationToken);
                }
            }
            catch (Exception ex) when (IsGone(ex))
            {
                _listeners.TryRemove(listener, out _);
            }
        }
    }

    private Session SessionOf(McpServer server)
    {
        var session = _sessions.GetOrAdd(server.SessionId ?? "", _ => new Session(server, user.UserId));

        // Any request's server reaches the session; keep the latest (an HTTP request's own stream falls back to the session's).
        session.Server = server;
        return session;
    }

    private static bool IsGone(Exception ex) => ex is ObjectDisposedException or InvalidOperationException or IOException or McpException;

    private sealed class Session(McpServer server, string user)
    {
        /// <summary>Whose session: the user of the request that opened it (an HTTP session serves one user only).</summary>
        public string User => user;

        public McpServer Server { get; set; } = server;

        public ConcurrentDictionary<string, byte> Uris { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Listener(McpServer server, RequestId id, HashSet<string> uris, bool listChanged, string user, ResourceSubscriptions owner) : IDisposable
    {
        public string User => user;

        public McpServer Server => server;

        public RequestId Id => id;

        public HashSet<string> Uris => uris;

        public bool ListChanged => listChanged;

        public void Dispose() => owner._listeners.TryRemove(this, out _);
    }
}
