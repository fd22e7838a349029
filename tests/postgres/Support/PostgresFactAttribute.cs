namespace LlmPrep.Tests.Postgres;

/// <summary>A test that needs the PostgreSQL test server: skipped with the reason when none is configured outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
