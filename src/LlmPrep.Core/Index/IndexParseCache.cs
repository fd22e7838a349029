using LlmPrep.Core.Corpus;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Index;

/// <summary>
/// The parses kept in the index's <c>parses</c> table. The <c>files</c> table says which rows are still good (their
/// file is wanted and its size and time match); those rows' bytes are then copied, without an array a row, into one of
/// two reused buffers and decoded in batches on all cores while the next batch is read. The stored bytes are never all
/// in memory at once, and none of them outlive their batch as garbage for the collector to find later. An unreadable
/// index fills nothing more (those files are parsed, and the sync rebuilds it).
/// </summary>
/// <param name="batchRows">A batch is decoded once it has this many rows…</param>
/// <param name="batchBytes">…or this many bytes.</param>
internal sealed class IndexParseCache(SqliteConnection connection, int batchRows = 2048, int batchBytes = 2 * 1024 * 1024) : IParseCache
{
    public int Fill(IReadOnlyList<ScannedFile> files, ParsedFile?[] parses)
    {
        var stored = StoredRows(files, parses);
        if (stored.Count == 0)
        {
            return 0;
        }

        var filled = 0;
        var pool = new StringPool(stored.Count);
        var (batch, spare) = (new Batch(batchRows, batchBytes), new Batch(batchRows, batchBytes));
        var decoding = Task.CompletedTask;
        try
        {
            SqliteNative.ReadBlobs(connection.Handle!.DangerousGetHandle(), "SELECT id, data FROM parses"u8, (id, data) =>
            {
                if (!stored.TryGetValue(id, out var row))
                {
                    return;
                }

                batch.Add(row, data);
                if (batch.Rows.Count >= batchRows || batch.Length >= batchBytes)
                {
                    decoding.Wait();
                    var full = batch;
                    (batch, spare) = (spare.Cleared(), full);
                    decoding = Task.Run(() => Interlocked.Add(ref filled, Decode(full, files, parses, pool)));
                }
            });
        }
        finally
        {
            // What was read before a failure is good; the rest is parsed from the files.
            decoding.Wait();
        }

        return filled + Decode(batch, files, parses, pool);
    }

    /// <summary>The stored rows by id whose file is wanted (not parsed yet) with the size and time it has now.</summary>
    private Dictionary<long, Row> StoredRows(IReadOnlyList<ScannedFile> files, ParsedFile?[] parses)
    {
        var wanted = new Dictionary<string, int>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            if (parses[i] is null)
            {
                wanted[files[i].Key] = i;
            }
        }

        var rows = new Dictionary<long, Row>(wanted.Count);
        if (wanted.Count == 0)
        {
            return rows;
        }

        try
        {
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT id, key, size, mtime, hash FROM files";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                if (wanted.TryGetValue(reader.GetString(1), out var slot)
                    && reader.GetInt64(2) == files[slot].Size && reader.GetInt64(3) == files[slot].ModifiedTicks)
                {
                    rows[reader.GetInt64(0)] = new Row(slot, HashText.Of(reader.GetString(4)));
                }
            }
        }
        catch (SqliteException)
        {
            // The rows read so far are good.
        }

        return rows;
    }

    private static int Decode(Batch batch, IReadOnlyList<ScannedFile> files, ParsedFile?[] parses, StringPool pool)
    {
        var filled = 0;
        Parallel.For(0, batch.Rows.Count, i =>
        {
            var (row, data) = (batch.Rows[i], batch.Data(i));
            var file = files[row.Slot];
            var parsed = ParsedFileCodec.Decode(data, new NoteFile(file.Key, file.Size, file.ModifiedTicks, row.Hash), BodyFile.Of(file), pool);
            if (parsed is not null)
            {
                parses[row.Slot] = parsed;
                Interlocked.Increment(ref filled);
            }
        });
        return filled;
    }

    private readonly record struct Row(int Slot, HashText Hash);

    /// <summary>Rows and their bytes, end to end in one buffer kept from batch to batch (it grows only for a row
    /// larger than a batch).</summary>
    private sealed class Batch(int rows, int bytes)
    {
        private byte[] _bytes = new byte[bytes + (bytes / 2)];
        private readonly List<int> _ends = new(rows);

        public List<Row> Rows { get; } = new(rows);

        /// <summary>How many bytes the rows hold.</summary>
        public int Length => _ends.Count == 0 ? 0 : _ends[^1];

        public void Add(Row row, ReadOnlySpan<byte> data)
        {
            var start = Length;
            if (start + data.Length > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, start + data.Length));
            }

            data.CopyTo(_bytes.AsSpan(start));
            _ends.Add(start + data.Length);
            Rows.Add(row);
        }

        public ArraySegment<byte> Data(int index)
        {
            var start = index == 0 ? 0 : _ends[index - 1];
            return new ArraySegment<byte>(_bytes, start, _ends[index] - start);
        }

        public Batch Cleared()
        {
            Rows.Clear();
            _ends.Clear();
            return this;
        }
    }
}
