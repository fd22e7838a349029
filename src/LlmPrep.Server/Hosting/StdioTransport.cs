using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// The MCP stdio transport: one JSON-RPC message per line on stdin and on stdout. A request costs as few thread
/// hand-offs as it can: stdin is read by a thread of its own that answers plain search and read calls itself
/// (<see cref="InlineToolCalls"/>) and hands every other message straight to the server's message loop, and each
/// answer is written by the thread that made it, in one write. stdin's end is passed on only once every request read
/// before it has been answered, so <c>printf '…' | llmprep</c> prints every answer before the process exits.
/// </summary>
internal sealed class StdioTransport : ITransport
{
    /// <summary>How long stdin's end waits for the last answers before the server shuts down anyway.</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(2);

    /// <summary>An answer buffer that grew past this is let go once the answer is written.</summary>
    private const int KeptBufferSize = 1024 * 1024;

    private static readonly JsonTypeInfo<JsonRpcMessage> MessageType =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private static readonly JsonTypeInfo<CallToolResult> ResultType =
        (JsonTypeInfo<CallToolResult>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult));

    private static readonly JsonTypeInfo<RequestId> IdType =
        (JsonTypeInfo<RequestId>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(RequestId));

    // Answers are JSON-RPC lines read by programs, never pasted into HTML: a quote in a string is written \" and text
    // outside ASCII as itself, not as \u escapes (a search result's text copy of its structured content is much shorter).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly PendingRequests _pending = new();
    private readonly Lock _writeGate = new();
    private readonly Channel<JsonRpcMessage> _messages = Channel.CreateUnbounded<JsonRpcMessage>(new UnboundedChannelOptions
    {
        SingleReader = true,
        // The server's loop only starts each message's handling and goes back to waiting: running it on the
        // reading thread saves waking a pool thread for it.
        AllowSynchronousContinuations = true,
    });

    private ArrayBufferWriter<byte> _answer = new(16 * 1024);
    private Utf8JsonWriter? _writer;
    private volatile bool _closed;

    public StdioTransport(Stream input, Stream output)
    {
        _input = input;
        _output = output;
        new Thread(ReadLines) { IsBackground = true, Name = "stdin" }.Start();
    }

    public string? SessionId => null;

    /// <summary>The tool calls answered on the reading thread (set once the server exists), or null for none.</summary>
    public InlineToolCalls? Inline { get; set; }

    public ChannelReader<JsonRpcMessage> MessageReader => _messages.Reader;

    public Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(message, static (writer, message) => JsonSerializer.Serialize(writer, message, MessageType));
        _pending.Answered(message);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Writes the response to a <c>tools/call</c> with this result, as <see cref="SendMessageAsync"/> writes a
    /// <see cref="JsonRpcResponse"/> that holds it, without first making the result a JSON tree.
    /// </summary>
    internal void SendResult(RequestId id, CallToolResult result)
    {
        Write((id, result), static (writer, answer) =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("result"u8);
            JsonSerializer.Serialize(writer, answer.result, ResultType);
            writer.WritePropertyName("id"u8);
            JsonSerializer.Serialize(writer, answer.id, IdType);
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WriteEndObject();
        });
        _pending.Answered(id);
    }

    /// <summary>Writes one line, in one write, unless the transport is closed.</summary>
    private void Write<T>(T message, Action<Utf8JsonWriter, T> serialize)
    {
        lock (_writeGate)
        {
            if (_closed)
            {
                return;
            }

            _answer.ResetWrittenCount();
            if (_writer is null)
            {
                _writer = new Utf8JsonWriter(_answer, WriterOptions);
            }
            else
            {
                _writer.Reset(_answer);
            }

            serialize(_writer, message);
            _writer.Flush();
            _answer.Write("\n"u8);
            try
            {
                _output.Write(_answer.WrittenSpan);
                _output.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                throw new IOException("Failed to send message.", ex);
            }
            finally
            {
                if (_answer.Capacity > KeptBufferSize)
                {
                    _answer = new ArrayBufferWriter<byte>(16 * 1024);
                    _writer = null;
                }
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_writeGate)
        {
            _closed = true;
            _writer?.Dispose();
        }

        _messages.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    /// <summary>Reads stdin to its end, one message per line (a line ends at \n, \r or \r\n, as a StreamReader reads them).</summary>
    private void ReadLines()
    {
        Exception? error = null;
        try
        {
            var buffer = new byte[64 * 1024];
            int start = 0, end = 0;
            while (true)
            {
                if (end == buffer.Length)
                {
                    if (start > 0)
                    {
                        buffer.AsSpan(start, end - start).CopyTo(buffer);
                        end -= start;
                        start = 0;
                    }
                    else
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                }

                var read = _input.Read(buffer, end, buffer.Length - end);
                if (read == 0)
                {
                    break;
                }

                var scan = end;
                end += read;
                int lineEnd;
                while ((lineEnd = buffer.AsSpan(scan, end - scan).IndexOfAny((byte)'\n', (byte)'\r')) >= 0)
                {
                    Receive(buffer.AsSpan(start, scan + lineEnd - start));
                    start = scan = scan + lineEnd + 1;
                }

                if (start == end)
                {
                    start = end = 0;
                }
            }

            // A last line without a line end is still a line.
            Receive(buffer.AsSpan(start, end - start));
            _pending.DrainedAsync().Wait(DrainLimit);
        }
        catch (Exception ex)
        {
            // Whatever stops the reading (stdin closed under it, or a fault) ends the session with that error: on this
            // thread of its own an exception let through would end the process instead.
            error = ex;
        }
        finally
        {
            _messages.Writer.TryComplete(error);
        }
    }

    private void Receive(ReadOnlySpan<byte> line)
    {
        line = line.Trim(" \t"u8);
        if (line.IsEmpty)
        {
            return;
        }

        // Bytes that are not UTF-8 read as U+FFFD, as a text reader would read them.
        var text = System.Text.Unicode.Utf8.IsValid(line) ? line : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line));
        JsonRpcMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(text, MessageType);
        }
        catch (JsonException)
        {
            // A request that cannot be read still gets an answer when its id can be found, so the caller does not wait.
            if (RequestIds.Find(text) is { } id)
            {
                SendMessageAsync(new JsonRpcError
                {
                    Id = id,
                    Error = new JsonRpcErrorDetail { Code = (int)McpErrorCode.ParseError, Message = "Failed to parse the JSON-RPC request." },
                });
            }

            return;
        }

        if (message is JsonRpcRequest request && Inline is { } inline && inline.TryCall(request) is { } result)
        {
            _pending.Read(message);
            SendResult(request.Id, result);
            inline.Answered();
            return;
        }

        if (message is not null)
        {
            _pending.Read(message);
            _messages.Writer.TryWrite(message);
        }
    }
}
