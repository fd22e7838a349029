using Npgsql;

namespace LlmPrep.Progress.Postgres;

/// <summary>
/// How the progress store uses its pooled connections, unless the connection string says otherwise. The store keeps no
/// state in a database session (its lock and its lock timeout last one transaction), so a connection handed back to the
/// pool needs no reset (<c>DISCARD ALL</c>, one more round trip on every call), and the few statements it runs again and
/// again are prepared once per connection instead of planned on every call.
/// </summary>
internal static class PooledSessions
{
    /// <summary>Statements kept prepared per connection: the store runs fewer distinct ones than this.</summary>
    public const int AutoPrepared = 32;

    public static void Apply(NpgsqlConnectionStringBuilder settings)
    {
        if (!Given(settings, "No Reset On Close"))
        {
            settings.NoResetOnClose = true;
        }

        if (!Given(settings, "Max Auto Prepare"))
        {
            settings.MaxAutoPrepare = AutoPrepared;
        }
    }

    /// <summary>Whether the connection string sets the keyword (the builder writes every keyword it holds in its canonical spelling).</summary>
    private static bool Given(NpgsqlConnectionStringBuilder settings, string keyword) =>
        settings.ConnectionString.Contains(keyword + "=", StringComparison.OrdinalIgnoreCase);
}
