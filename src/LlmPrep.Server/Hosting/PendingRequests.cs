using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// The JSON-RPC requests read from stdin that have not been answered on stdout yet, so the server can hold back
/// stdin's end until every request piped in before it has its answer.
/// </summary>
internal sealed class PendingRequests
{
    private static readonly JsonTypeInfo<CancelledNotificationParams> CancelledType =
        (JsonTypeInfo<CancelledNotificationParams>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CancelledNotificationParams));

    private readonly Lock _gate = new();
    private readonly HashSet<RequestId> _open = [];
    private TaskCompletionSource _drained = NewDrained(completed: true);

    /// <summary>A message read from stdin: a request opens one; a cancellation closes the request it names, which gets no answer.</summary>
    public void Read(JsonRpcMessage message)
    {
        switch (message)
        {
            case JsonRpcRequest request:
                Open(request.Id);
                break;
            case JsonRpcNotification { Method: NotificationMethods.CancelledNotification } notification when CancelledId(notification) is { } id:
                Close(id);
                break;
        }
    }

    /// <summary>A message written to stdout: a response or an error closes its request.</summary>
    public void Answered(JsonRpcMessage message)
    {
        if (message is JsonRpcResponse or JsonRpcError)
        {
            Close(((JsonRpcMessageWithId)message).Id);
        }
    }

    /// <summary>The response to request <paramref name="id"/> was written to stdout.</summary>
    public void Answered(RequestId id) => Close(id);

    /// <summary>Completes when no request is open.</summary>
    public Task DrainedAsync()
    {
        lock (_gate)
        {
            return _drained.Task;
        }
    }

    private void Open(RequestId id)
    {
        lock (_gate)
        {
            if (_open.Add(id) && _open.Count == 1)
            {
                _drained = NewDrained(completed: false);
            }
        }
    }

    private void Close(RequestId id)
    {
        lock (_gate)
        {
            if (_open.Remove(id) && _open.Count == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    private static RequestId? CancelledId(JsonRpcNotification notification)
    {
        try
        {
            return notification.Params?.Deserialize(CancelledType) is { } cancelled && cancelled.RequestId.Id is not null ? cancelled.RequestId : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TaskCompletionSource NewDrained(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }
}
