using System.Data.Common;
using Npgsql;

namespace LlmPrep.Progress.Postgres;

/// <summary>
/// How the progress store uses its pooled connections, unless the connection string says otherwise. The store keeps no
/// state in a database session (its lock and its lock timeout last one transaction), so a connection handed back to the
/// pool needs no reset (<c>DISCARD ALL</c>, one more round trip on every call), and the few statements it runs again and
/// again are prepared once per connection instead of planned on every call. An instance opens at most
/// <see cref="PoolSize"/> connections: more calls at once than that wait for one rather than crowd the server, whose
/// own limit (max_connections, 100 by default) is shared by every instance.
/// </summary>
internal static class PooledSessions
{
    /// <summary>Statements kept prepared per connection: the store runs fewer distinct ones than this.</summary>
    public const int AutoPrepared = 32;

    /// <summary>Connections per instance: enough to keep a few cores busy, few enough for several instances on one server.</summary>
    public const int PoolSize = 20;

    /// <param name="connectionString">The connection string as configured, to tell what it sets.</param>
    /// <param name="settings">The parsed settings, changed where the connection string is silent.</param>
    public static void Apply(string connectionString, NpgsqlConnectionStringBuilder settings)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!Given(given, "Maximum Pool Size", "MaxPoolSize"))
        {
            settings.MaxPoolSize = PoolSize;
        }

        if (!Given(given, "No Reset On Close", "NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        if (!Given(given, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = AutoPrepared;
        }
    }

    /// <summary>Whether the connection string names the setting, by any of its spellings (keywords ignore case).</summary>
    private static bool Given(DbConnectionStringBuilder given, params string[] keywords) => keywords.Any(given.ContainsKey);
}
