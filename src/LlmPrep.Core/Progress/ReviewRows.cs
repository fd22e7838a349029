using System.Data.Common;
using System.Globalization;

namespace LlmPrep.Core.Progress;

/// <summary>
/// How a review and a card memory are laid out in a progress store's rows, the same for every store (SQLite or
/// PostgreSQL): the columns to select, and reading them back.
/// </summary>
public static class ReviewRows
{
    /// <summary>The columns of a review row, in the order <see cref="Read"/> expects.</summary>
    public const string Columns = """
        id, card_id, note_id, reviewed_at, rating, score, grader, answer, missed, amended_at,
        verdict, provisional,
        b_state, b_stability, b_difficulty, b_due, b_last_review, b_step, b_reps, b_lapses,
        a_state, a_stability, a_difficulty, a_due, a_last_review, a_step, a_reps, a_lapses
        """;

    /// <summary>Every review the command's <see cref="Columns"/> select, in the order they come.</summary>
    public static List<ReviewRecord> Read(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        return Read(reader);
    }

    /// <summary>Every review in the reader's current result set (<see cref="Columns"/>), in the order they come.</summary>
    public static List<ReviewRecord> Read(DbDataReader reader)
    {
        var reviews = new List<ReviewRecord>();
        while (reader.Read())
        {
            var missed = reader.GetString(8);
            reviews.Add(new ReviewRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                (Rating)reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                missed.Length == 0 ? [] : missed.Split('\n'),
                Memory(reader, 12),
                Memory(reader, 20),
                reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                // SQLite keeps the flag as 0 or 1, PostgreSQL as a boolean.
                !reader.IsDBNull(11) && Convert.ToBoolean(reader.GetValue(11), CultureInfo.InvariantCulture)));
        }

        return reviews;
    }

    /// <summary>A card memory from eight columns starting at <paramref name="first"/>: state, stability, difficulty, due, last review, step, reps, lapses.</summary>
    /// <summary>The review times (the first column, Unix milliseconds) a command's rows hold, in their order.</summary>
    public static IReadOnlyList<DateTimeOffset> Times(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var times = new List<DateTimeOffset>();
        while (reader.Read())
        {
            times.Add(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)));
        }

        return times;
    }

    public static CardMemory Memory(DbDataReader reader, int first) => new(
        (CardState)reader.GetInt32(first),
        reader.GetDouble(first + 1),
        reader.GetDouble(first + 2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 3)),
        reader.IsDBNull(first + 4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 4)),
        reader.GetInt32(first + 5),
        reader.GetInt32(first + 6),
        reader.GetInt32(first + 7));
}
