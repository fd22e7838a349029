using LlmPrep.Progress.Postgres;
using Npgsql;

namespace LlmPrep.Core.Tests.Progress;

/// <summary>How the PostgreSQL store sets up its pooled connections, and that a connection string's own choice wins.</summary>
public sealed class PooledSessionsTests
{
    [Fact]
    public void Pooled_connections_are_not_reset_and_prepare_repeated_statements_by_default()
    {
        const string connectionString = "Host=db.example.org;Database=llmprep;Username=llmprep";
        var settings = new NpgsqlConnectionStringBuilder(connectionString);

        PooledSessions.Apply(connectionString, settings);

        Assert.True(settings.NoResetOnClose);
        Assert.Equal(PooledSessions.AutoPrepared, settings.MaxAutoPrepare);
        Assert.Equal(PooledSessions.PoolSize, settings.MaxPoolSize);
        Assert.Equal("db.example.org", settings.Host);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0;Maximum Pool Size=7")]
    [InlineData("Host=db;no reset on close=False;MAX AUTO PREPARE=0;maximum pool size=7")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0;MaxPoolSize=7")]
    public void A_connection_string_that_sets_them_keeps_its_values(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);

        PooledSessions.Apply(connectionString, settings);

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal(7, settings.MaxPoolSize);
    }
}
