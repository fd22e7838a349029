namespace LlmPrep.Server.Hosting;

/// <summary>
/// stdin and stdout for the MCP stdio transport, watched line by line: stdin's end is passed on only once every
/// request read before it has been answered, so <c>printf '…' | llmprep</c> prints every answer before the process exits.
/// </summary>
internal static class StdioStreams
{
    /// <summary>How long stdin's end waits for the last answers before the server shuts down anyway.</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(2);

    public static (Stream Input, Stream Output) Open()
    {
        var pending = new PendingRequests();
        return (new LineTap(Console.OpenStandardInput(), pending.Read, pending), new LineTap(Console.OpenStandardOutput(), pending.Written, null));
    }

    /// <summary>Passes bytes through and hands every complete line to a callback; as input, holds its end until drained.</summary>
    private sealed class LineTap(Stream inner, LineTap.LineAction onLine, PendingRequests? drainBeforeEnd) : Stream
    {
        public delegate void LineAction(ReadOnlySpan<byte> line);

        private readonly MemoryStream _line = new();

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                See(buffer.Span[..read]);
                return read;
            }

            if (drainBeforeEnd is not null)
            {
                try
                {
                    await drainBeforeEnd.DrainedAsync().WaitAsync(DrainLimit, cancellationToken);
                }
                catch (TimeoutException)
                {
                }
            }

            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            See(buffer.AsSpan(offset, count));
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            See(buffer.Span);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                _line.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>Responses are counted after they are written, so a drained count means the answer is on its way out.</summary>
        private void See(ReadOnlySpan<byte> bytes)
        {
            lock (_line)
            {
                while (bytes.Length > 0)
                {
                    var end = bytes.IndexOf((byte)'\n');
                    if (end < 0)
                    {
                        _line.Write(bytes);
                        return;
                    }

                    _line.Write(bytes[..end]);
                    onLine(_line.GetBuffer().AsSpan(0, (int)_line.Length));
                    _line.SetLength(0);
                    bytes = bytes[(end + 1)..];
                }
            }
        }
    }
}
