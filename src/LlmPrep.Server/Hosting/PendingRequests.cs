using System.Text.Json;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Counts the JSON-RPC requests read from stdin that have not been answered on stdout yet, so the server can hold
/// back stdin's end until every request piped in before it has its answer.
/// </summary>
internal sealed class PendingRequests
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _open = [];
    private TaskCompletionSource _drained = NewDrained(completed: true);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>A line read from stdin: a request (method and id) opens one.</summary>
    public void Read(ReadOnlySpan<byte> line) => Track(line, request: true);

    /// <summary>A line written to stdout: a response (id, no method) closes its request.</summary>
    public void Written(ReadOnlySpan<byte> line) => Track(line, request: false);

    /// <summary>Completes when no request is open.</summary>
    public Task DrainedAsync()
    {
        lock (_gate)
        {
            return _drained.Task;
        }
    }

    private void Track(ReadOnlySpan<byte> line, bool request)
    {
        // A cancelled request gets no answer (notifications/cancelled names it): it is no longer waited for.
        if (request && Cancelled(line) is { } cancelled)
        {
            lock (_gate)
            {
                if (_open.Remove(cancelled) && _open.Count == 0)
                {
                    _drained.TrySetResult();
                }
            }

            return;
        }

        if (Id(line, request) is not { } id)
        {
            return;
        }

        lock (_gate)
        {
            if (request && _open.Add(id) && _open.Count == 1)
            {
                _drained = NewDrained(completed: false);
            }
            else if (!request && _open.Remove(id) && _open.Count == 0)
            {
                _drained.TrySetResult();
            }
        }
    }

    private static string? Id(ReadOnlySpan<byte> line, bool request)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? id = null;
            var hasMethod = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "id" && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    id = reader.TokenType == JsonTokenType.String ? "s:" + reader.GetString() : "n:" + reader.GetInt64();
                }
                else if (name == "method")
                {
                    hasMethod = true;
                }

                reader.Skip();
            }

            return hasMethod == request ? id : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string? Cancelled(ReadOnlySpan<byte> line)
    {
        if (line.IndexOf("notifications/cancelled"u8) < 0)
        {
            return null;
        }

        try
        {
            using var message = JsonDocument.Parse(line.ToArray());
            return message.RootElement.TryGetProperty("method", out var method) && method.ValueEquals("notifications/cancelled")
                && message.RootElement.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("requestId", out var id)
                ? id.ValueKind switch
                {
                    JsonValueKind.String => "s:" + id.GetString(),
                    JsonValueKind.Number when id.TryGetInt64(out var number) => "n:" + number,
                    _ => null,
                }
                : null;
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
