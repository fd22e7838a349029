using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace LlmPrep.Server.Tests.Support;

/// <summary>
/// The built server over stdio, spoken to in raw JSON-RPC lines (for fuzzing and for killing it mid-request). Every
/// read is bounded: a server that stops answering fails the test instead of hanging it.
/// </summary>
public sealed class StdioServer : IAsyncDisposable
{
    /// <summary>How long any single read waits before the test fails.</summary>
    public static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Stream _stdin;
    private readonly Dictionary<string, JsonElement> _responses = new(StringComparer.Ordinal);
    private readonly Task<string> _stderr;

    private StdioServer(Process process)
    {
        _process = process;
        _stdin = process.StandardInput.BaseStream;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Every stdout line read so far, for checking that nothing but JSON was written.</summary>
    public List<string> Lines { get; } = [];

    /// <summary>Starts <c>serve</c> on the test corpus and completes the 2025-11-25 handshake.</summary>
    public static async Task<StdioServer> StartAsync(string dataDirectory)
    {
        var start = ServerProcess.StartInfo(["serve", "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", dataDirectory]);
        start.StandardInputEncoding = new UTF8Encoding(false);
        var server = new StdioServer(Process.Start(start)!);
        try
        {
            var reply = await server.RequestAsync(0, """{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""");
            if (!reply.TryGetProperty("result", out _))
            {
                throw new InvalidOperationException("initialize failed: " + reply);
            }

            await server.SendAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Task SendAsync(string line) => SendAsync(Encoding.UTF8.GetBytes(line));

    public async Task SendAsync(byte[] line)
    {
        using var timeout = new CancellationTokenSource(ReadLimit);
        await _stdin.WriteAsync(line, timeout.Token);
        await _stdin.WriteAsync("\n"u8.ToArray(), timeout.Token);
        await _stdin.FlushAsync(timeout.Token);
    }

    /// <summary>Reads stdout until the response to <paramref name="id"/>; every line must be a JSON object.</summary>
    public async Task<JsonElement> ReadResponseAsync(long id)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var timeout = new CancellationTokenSource(ReadLimit);
        while (!_responses.ContainsKey(key))
        {
            string? line;
            try
            {
                line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no response to request {id} within {ReadLimit.TotalSeconds} s; last lines: {string.Join(" | ", Lines.TakeLast(3))}");
            }

            if (line is null)
            {
                throw new InvalidOperationException($"the server closed stdout before answering {id} (exit code {(_process.HasExited ? _process.ExitCode : -1)}): {await StandardErrorAsync()}");
            }

            See(line);
        }

        return _responses[key];
    }

    public async Task<JsonElement> RequestAsync(long id, string json)
    {
        await SendAsync(json);
        return await ReadResponseAsync(id);
    }

    /// <summary>True when a response with this id (its JSON text, e.g. <c>7</c> or <c>"a"</c>) has been read.</summary>
    public bool Answered(string rawId) => _responses.ContainsKey(rawId);

    /// <summary>The response read for this id (its JSON text), if any.</summary>
    public JsonElement? Response(string rawId) => _responses.TryGetValue(rawId, out var response) ? response : null;

    /// <summary>Closes stdin and reads the rest of stdout; false when the server has not exited within the read limit.</summary>
    public async Task<bool> EndInputAsync()
    {
        _stdin.Close();
        using var timeout = new CancellationTokenSource(ReadLimit);
        try
        {
            while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                See(line);
            }

            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>What the server wrote to stderr; complete once it has exited.</summary>
    public async Task<string> StandardErrorAsync() =>
        _process.HasExited || _stderr.IsCompleted ? await _stderr : "(still running)";

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(ReadLimit);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(ReadLimit);
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void See(string line)
    {
        Lines.Add(line);
        JsonElement message;
        try
        {
            using var document = JsonDocument.Parse(line);
            message = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the server wrote a line to stdout that is not JSON ({ex.Message}): {line}");
        }

        if (message.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("the server wrote a line to stdout that is not a JSON-RPC message: " + line);
        }

        if (message.TryGetProperty("id", out var id) && !message.TryGetProperty("method", out _))
        {
            _responses[id.GetRawText()] = message;
        }
    }
}
