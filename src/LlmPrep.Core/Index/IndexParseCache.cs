using LlmPrep.Core.Corpus;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Index;

/// <summary>
/// The parses kept in the index's <c>parses</c> table, read in one pass: rows whose file is wanted and whose size and
/// time still match are decoded in batches on all cores while the next batch is read, so the stored bytes are never
/// all in memory at once. An unreadable index fills nothing more (those files are parsed, and the sync rebuilds it).
/// </summary>
internal sealed class IndexParseCache(SqliteConnection connection) : IParseCache
{
    private const int BatchSize = 2048;

    public int Fill(IReadOnlyList<ScannedFile> files, ParsedFile?[] parses)
    {
        var wanted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            if (parses[i] is null)
            {
                wanted[files[i].Key] = i;
            }
        }

        if (wanted.Count == 0)
        {
            return 0;
        }

        var filled = 0;
        var pool = new StringPool();
        var batch = new List<Row>(BatchSize);
        Task decoding = Task.CompletedTask;
        try
        {
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT f.key, f.size, f.mtime, f.hash, p.data FROM files f JOIN parses p ON p.id = f.id";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                if (!wanted.TryGetValue(reader.GetString(0), out var slot)
                    || reader.GetInt64(1) != files[slot].Size || reader.GetInt64(2) != files[slot].ModifiedTicks)
                {
                    continue;
                }

                batch.Add(new Row(slot, reader.GetString(3), (byte[])reader.GetValue(4)));
                if (batch.Count == BatchSize)
                {
                    decoding.Wait();
                    var full = batch;
                    decoding = Task.Run(() => Interlocked.Add(ref filled, Decode(full, files, parses, pool)));
                    batch = new List<Row>(BatchSize);
                }
            }
        }
        catch (SqliteException)
        {
            // What was read so far is good; the rest is parsed from the files.
        }

        decoding.Wait();
        return filled + Decode(batch, files, parses, pool);
    }

    private static int Decode(List<Row> rows, IReadOnlyList<ScannedFile> files, ParsedFile?[] parses, StringPool pool)
    {
        var filled = 0;
        Parallel.ForEach(rows, row =>
        {
            var file = files[row.Slot];
            var parsed = ParsedFileCodec.Decode(row.Data, new NoteFile(file.Key, file.Size, file.ModifiedTicks, row.Hash, null), BodyFile.Of(file), pool);
            if (parsed is not null)
            {
                parses[row.Slot] = parsed;
                Interlocked.Increment(ref filled);
            }
        });
        return filled;
    }

    private readonly record struct Row(int Slot, string Hash, byte[] Data);
}
