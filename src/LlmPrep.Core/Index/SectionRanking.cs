using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Index;

/// <summary>
/// FTS5's <c>bm25()</c>, as an FTS5 auxiliary function of the index's connection that computes the same score the same
/// way (fts5_aux.c: k1 1.2, b 0.75, a phrase's instances weighed by their column, the row's length over the table's
/// average) but keeps what bm25() reads again for every query. bm25() looks up each matching row's length in the
/// column-size table, a B-tree lookup a row that is most of a ranking's time when many sections match; here each
/// row's length is asked of FTS5 once and kept. bm25() counts the rows that hold each phrase by running the phrase
/// over the whole index; here that count is kept by the phrase's text. Both are forgotten whenever the index changes.
/// It also counts the rows it scores, so a ranking statement gives the total of matches without a second query.
/// </summary>
internal sealed unsafe class SectionRanking : IDisposable
{
    /// <summary>The SQL name of the function; called as <c>llmprep_bm25(sections_fts, weight, …)</c>, as bm25() is.</summary>
    public const string Name = "llmprep_bm25";

    private const double K1 = 1.2;
    private const double B = 0.75;

    private GCHandle _self;

    /// <summary>Each row's length in tokens plus one, by row id; 0 where it is not known yet.</summary>
    private int[] _rowLengths = [];

    /// <summary>Whether <see cref="_rowLengths"/> holds every row's length, read in one pass.</summary>
    private bool _lengthsRead;

    /// <summary>How many rows hold each phrase, by the phrase as the MATCH expression writes it.</summary>
    private readonly Dictionary<string, long> _phraseRows = new(StringComparer.Ordinal);

    /// <summary>The phrases of the current MATCH expression in FTS5's order, or null when they are not known.</summary>
    private string[]? _phrases;

    public SectionRanking() => _self = GCHandle.Alloc(this);

    /// <summary>How many rows the function has scored since <see cref="Begin"/>.</summary>
    public int Scored { get; private set; }

    /// <summary>Registers the function on <paramref name="connection"/>; false when its SQLite offers no FTS5 interface.</summary>
    public bool Register(SqliteConnection connection)
    {
        var api = SqliteNative.Api(connection.Handle!.DangerousGetHandle());
        if (api == null)
        {
            return false;
        }

        fixed (byte* name = "llmprep_bm25\0"u8)
        {
            return api->CreateFunction(api, name, (void*)GCHandle.ToIntPtr(_self), &Rank, null) == SqliteNative.Ok;
        }
    }

    /// <summary>
    /// Reads every row's length from FTS5's column-size table in one pass (each blob holds one varint a column, the
    /// column's length in tokens), unless the lengths are kept already. A row whose blob cannot be read is left to be
    /// asked of FTS5 when it is scored.
    /// </summary>
    public void ReadLengths(SqliteConnection connection, string table, int columns)
    {
        if (_lengthsRead)
        {
            return;
        }

        var lengths = _rowLengths;
        var read = SqliteNative.ReadBlobs(connection.Handle!.DangerousGetHandle(), Encoding.UTF8.GetBytes($"SELECT id, sz FROM \"{table}_docsize\""), (id, blob) =>
        {
            if (id is < 0 or >= int.MaxValue || TotalTokens(blob, columns) is not { } tokens)
            {
                return;
            }

            if (id >= lengths.Length)
            {
                Array.Resize(ref lengths, (int)Math.Max(id + 1, lengths.Length * 2L));
            }

            lengths[id] = tokens + 1;
        });
        _rowLengths = lengths;
        _lengthsRead = read;
    }

    /// <summary>
    /// The sum of the first <paramref name="columns"/> varints of a column-size blob (SQLite's varint: 7 bits a byte,
    /// high first; a ninth byte of 8), as FTS5 reads them; null when the blob holds fewer.
    /// </summary>
    internal static int? TotalTokens(ReadOnlySpan<byte> blob, int columns)
    {
        long total = 0;
        var i = 0;
        for (var column = 0; column < columns; column++)
        {
            if (i >= blob.Length)
            {
                return null;
            }

            ulong value = 0;
            var done = false;
            for (var k = 0; k < 8 && i < blob.Length; k++)
            {
                var b = blob[i++];
                value = (value << 7) | (uint)(b & 0x7f);
                if ((b & 0x80) == 0)
                {
                    done = true;
                    break;
                }
            }

            if (!done)
            {
                if (i >= blob.Length)
                {
                    return null;
                }

                value = (value << 8) | blob[i++];
            }

            total += (int)(uint)value;
        }

        return total is >= 0 and < int.MaxValue ? (int)total : null;
    }

    /// <summary>Before a ranking statement: the phrases of its MATCH expression (<see cref="MatchPhrase.Parse"/>), and a zero count of scored rows.</summary>
    public void Begin(IEnumerable<MatchPhrase> phrases)
    {
        _phrases = phrases.Select(p => p.Source).ToArray();
        Scored = 0;
    }

    /// <summary>The index changed: every kept length and count may be out of date.</summary>
    public void Forget()
    {
        Array.Clear(_rowLengths);
        _lengthsRead = false;
        _phraseRows.Clear();
    }

    public void Dispose()
    {
        if (_self.IsAllocated)
        {
            _self.Free();
        }
    }

    [UnmanagedCallersOnly]
    private static void Rank(Fts5ExtensionApi* api, nint fts, nint context, int count, nint* values)
    {
        try
        {
            var self = (SectionRanking)GCHandle.FromIntPtr((nint)api->UserData(fts)).Target!;
            var rc = self.Score(api, fts, count, values, out var score);
            if (rc == SqliteNative.Ok)
            {
                SqliteNative.ResultDouble(context, score);
            }
            else
            {
                SqliteNative.ResultErrorCode(context, rc);
            }
        }
        catch (Exception)
        {
            // Nothing may cross back into SQLite: the statement fails with an error instead.
            SqliteNative.ResultErrorCode(context, SqliteNative.Error);
        }
    }

    /// <summary>The row's score, as fts5Bm25Function computes it (the same operations in the same order).</summary>
    private int Score(Fts5ExtensionApi* api, nint fts, int count, nint* values, out double score)
    {
        score = 0.0;
        var query = (QueryStatistics*)api->GetAuxdata(fts, 0);
        if (query == null)
        {
            var rc = Prepare(api, fts, count, values, out query);
            if (rc != SqliteNative.Ok)
            {
                return rc;
            }
        }

        var phrases = query->Phrases;
        var idf = query->InverseFrequencies;
        var frequencies = idf + phrases;
        new Span<double>(frequencies, phrases).Clear();

        int instances;
        var status = api->InstCount(fts, &instances);
        for (var i = 0; status == SqliteNative.Ok && i < instances; i++)
        {
            int phrase, column, offset;
            status = api->Inst(fts, i, &phrase, &column, &offset);
            if (status == SqliteNative.Ok)
            {
                frequencies[phrase] += column < query->Weights ? query->WeightOf(column) : 1.0;
            }
        }

        if (status != SqliteNative.Ok || (status = RowLength(api, fts, out var length)) != SqliteNative.Ok)
        {
            return status;
        }

        var d = (double)length;
        for (var i = 0; i < phrases; i++)
        {
            score += idf[i] * (
                (frequencies[i] * (K1 + 1.0)) /
                (frequencies[i] + (K1 * (1 - B + (B * d / query->AverageLength)))));
        }

        score = -1.0 * score;
        Scored++;
        return SqliteNative.Ok;
    }

    /// <summary>The row's length in tokens, all columns together: kept, or asked of FTS5 once.</summary>
    private int RowLength(Fts5ExtensionApi* api, nint fts, out int length)
    {
        var rowid = api->Rowid(fts);
        var index = rowid is >= 0 and < int.MaxValue ? (int)rowid : -1;
        if (index >= 0 && index < _rowLengths.Length && _rowLengths[index] != 0)
        {
            length = _rowLengths[index] - 1;
            return SqliteNative.Ok;
        }

        int tokens;
        var rc = api->ColumnSize(fts, -1, &tokens);
        length = tokens;
        if (rc == SqliteNative.Ok && index >= 0 && tokens < int.MaxValue)
        {
            if (index >= _rowLengths.Length)
            {
                Array.Resize(ref _rowLengths, Math.Max(index + 1, _rowLengths.Length * 2));
            }

            _rowLengths[index] = tokens + 1;
        }

        return rc;
    }

    /// <summary>The query's statistics, as fts5Bm25GetData works them out, kept with the statement's cursor until it ends.</summary>
    private int Prepare(Fts5ExtensionApi* api, nint fts, int count, nint* values, out QueryStatistics* query)
    {
        var phrases = api->PhraseCount(fts);
        query = QueryStatistics.Allocate(phrases, count);
        for (var i = 0; i < count; i++)
        {
            query->WeightOf(i) = SqliteNative.ValueDouble(values[i]);
        }

        long rows = 0, tokens = 0;
        var rc = api->RowCount(fts, &rows);
        if (rc == SqliteNative.Ok)
        {
            rc = api->ColumnTotalSize(fts, -1, &tokens);
        }

        if (rc == SqliteNative.Ok)
        {
            query->AverageLength = (double)tokens / (double)rows;
        }

        var keyed = _phrases is { } known && known.Length == phrases;
        for (var i = 0; rc == SqliteNative.Ok && i < phrases; i++)
        {
            long hits = 0;
            if (!keyed || !_phraseRows.TryGetValue(_phrases![i], out hits))
            {
                rc = api->QueryPhrase(fts, i, &hits, &CountRow);
                if (rc == SqliteNative.Ok && keyed)
                {
                    _phraseRows[_phrases![i]] = hits;
                }
            }

            var idf = Math.Log((rows - hits + 0.5) / (hits + 0.5));
            query->InverseFrequencies[i] = idf <= 0.0 ? 1e-6 : idf;
        }

        if (rc == SqliteNative.Ok)
        {
            rc = api->SetAuxdata(fts, query, &QueryStatistics.Free);
        }
        else
        {
            NativeMemory.Free(query);
        }

        if (rc != SqliteNative.Ok)
        {
            query = null;
        }

        return rc;
    }

    [UnmanagedCallersOnly]
    private static int CountRow(Fts5ExtensionApi* api, nint fts, void* hits)
    {
        (*(long*)hits)++;
        return SqliteNative.Ok;
    }

    /// <summary>
    /// One query's figures, in native memory that FTS5 frees when the statement's cursor ends: the table's average row
    /// length, the column weights, then each phrase's IDF and the current row's frequency of it.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct QueryStatistics
    {
        public int Phrases;
        public int Weights;
        public double AverageLength;

        public double* InverseFrequencies => (double*)Unsafe.AsPointer(ref this) + 2 + Weights;

        public ref double WeightOf(int column) => ref ((double*)Unsafe.AsPointer(ref this))[2 + column];

        public static QueryStatistics* Allocate(int phrases, int weights)
        {
            var size = (nuint)(sizeof(QueryStatistics) + (sizeof(double) * (weights + (2 * phrases))));
            var query = (QueryStatistics*)NativeMemory.AllocZeroed(size);
            query->Phrases = phrases;
            query->Weights = weights;
            return query;
        }

        [UnmanagedCallersOnly]
        public static void Free(void* query) => NativeMemory.Free(query);
    }
}
