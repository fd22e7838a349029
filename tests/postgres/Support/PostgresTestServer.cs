using Npgsql;

namespace LlmPrep.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the tests run against: the connection string in <c>LLMPREP_TEST_POSTGRES</c>, as
/// <c>eval "$(tests/postgres/cluster.sh start)"</c> exports it. Without it the tests are skipped, unless <c>CI</c> is
/// set: then they run and fail, so CI cannot pass without them.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "LLMPREP_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static bool InCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Why PostgreSQL tests are skipped, or null when they run.</summary>
    public static string? SkipReason => ConnectionString is null && !InCi
        ? $"{Variable} is not set: start a throwaway cluster with eval \"$(tests/postgres/cluster.sh start)\" to run the PostgreSQL tests"
        : null;

    public static string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(
        $"{Variable} is not set but CI is, so the PostgreSQL tests cannot be skipped: start a cluster with eval \"$(tests/postgres/cluster.sh start)\" before dotnet test.");

    /// <summary>A new empty database on the test server, dropped when disposed.</summary>
    public static PostgresTestDatabase CreateDatabase() => new(RequireConnectionString());
}

/// <summary>An empty database of its own for one test, so tests run in parallel and start from nothing.</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly string _server;

    internal PostgresTestDatabase(string server)
    {
        _server = server;
        Name = $"llmprep_test_{Guid.NewGuid():N}";
        Execute(_server, $"CREATE DATABASE {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The connection string of this database (with the server's password).</summary>
    public string ConnectionString { get; }

    /// <summary>A connection for the test's own checks, outside the store under test.</summary>
    public NpgsqlConnection Connect()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs <paramref name="sql"/> in this database.</summary>
    public void Execute(string sql) => Execute(ConnectionString, sql);

    public object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        try
        {
            Execute(_server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // A leftover database in a throwaway cluster harms nothing.
        }
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
