using LlmPrep.Core.Progress;
using LlmPrep.Core.Tests.Support;
using LlmPrep.Progress.Postgres;
using LlmPrep.Tests.Postgres;

namespace LlmPrep.Core.Tests.Progress;

/// <summary>The progress store contract on PostgreSQL: each instance is its own data source (connection pool) on a fresh database.</summary>
[NeedsPostgres]
public sealed class PostgresProgressStoreContractTests : ProgressStoreContract
{
    private readonly PostgresTestDatabase _database = PostgresTestServer.CreateDatabase();

    protected override IProgressDatabase OpenInstance() => PostgresProgressDatabase.Open(_database.ConnectionString);

    protected override string SchemaFingerprint() => (string)_database.Scalar("""
        SELECT (SELECT string_agg(version || '@' || applied_at, ',' ORDER BY version) FROM llmprep.schema_version)
            || '|' || (SELECT string_agg(table_name || '.' || column_name || ' ' || data_type, ',' ORDER BY table_name, ordinal_position)
                       FROM information_schema.columns WHERE table_schema = 'llmprep')
            || '|' || (SELECT string_agg(indexdef, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'llmprep')
        """)!;

    protected override void DeleteStorage() => _database.Dispose();
}
