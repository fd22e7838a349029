using LlmPrep.Core.Corpus;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Index;

/// <summary>Compares the files under the corpus roots with the stamps (size, modification time) the index holds.</summary>
internal static class IndexStamps
{
    /// <summary>
    /// True when the index holds exactly the scanned files, each with the size and modification time the listing
    /// gave: then nothing changed since the last sync. One query; no file is opened and no parse is read.
    /// </summary>
    public static bool Match(SqliteConnection connection, CorpusScan scan)
    {
        var expected = new Dictionary<string, ScannedFile>(scan.Files.Count, StringComparer.Ordinal);
        foreach (var file in scan.Files)
        {
            expected[file.Key] = file;
        }

        var rows = 0;
        try
        {
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT key, size, mtime FROM files";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                rows++;
                if (!expected.TryGetValue(reader.GetString(0), out var file)
                    || reader.GetInt64(1) != file.Size || reader.GetInt64(2) != file.ModifiedTicks)
                {
                    return false;
                }
            }
        }
        catch (SqliteException)
        {
            // Unreadable: the full sync finds out and rebuilds.
            return false;
        }

        return rows == expected.Count;
    }
}
