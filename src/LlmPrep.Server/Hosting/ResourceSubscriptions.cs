using System.Collections.Concurrent;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Which client sessions subscribed to which resource URIs, and the notifications they get when the
/// corpus changes: <c>notifications/resources/updated</c> per subscribed URI, and
/// <c>notifications/resources/list_changed</c> to every session seen when notes are added or removed.
/// </summary>
public sealed class ResourceSubscriptions
{
    private readonly ConcurrentDictionary<McpServer, ConcurrentDictionary<string, byte>> _sessions = new();

    /// <summary>Remembers a session so it hears about list changes.</summary>
    public void Track(McpServer server) => _sessions.GetOrAdd(server, _ => new ConcurrentDictionary<string, byte>());

    public void Subscribe(McpServer server, string uri) => _sessions.GetOrAdd(server, _ => new())[uri] = 0;

    public void Unsubscribe(McpServer server, string uri)
    {
        if (_sessions.TryGetValue(server, out var uris))
        {
            uris.TryRemove(uri, out _);
        }
    }

    public IReadOnlyCollection<string> SubscribedUris(McpServer server) =>
        _sessions.TryGetValue(server, out var uris) ? uris.Keys.ToList() : [];

    /// <summary>Notifies every session subscribed to a URI that <paramref name="isChanged"/> accepts, and all sessions of a list change.</summary>
    public async Task NotifyAsync(Func<string, bool> isChanged, bool listChanged, CancellationToken cancellationToken)
    {
        foreach (var (server, uris) in _sessions)
        {
            try
            {
                if (listChanged)
                {
                    await server.SendNotificationAsync(NotificationMethods.ResourceListChangedNotification, cancellationToken);
                }

                foreach (var uri in uris.Keys.Where(isChanged))
                {
                    await server.SendNotificationAsync(
                        NotificationMethods.ResourceUpdatedNotification,
                        new ResourceUpdatedNotificationParams { Uri = uri },
                        McpJsonUtilities.DefaultOptions,
                        cancellationToken: cancellationToken);
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException or McpException)
            {
                // The session has gone; forget it.
                _sessions.TryRemove(server, out _);
            }
        }
    }
}
