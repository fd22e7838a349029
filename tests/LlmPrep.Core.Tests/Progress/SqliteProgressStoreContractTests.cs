using LlmPrep.Core.Progress;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Tests.Progress;

/// <summary>The progress store contract on the SQLite file: each instance is its own connection to one <c>progress.db</c>.</summary>
public sealed class SqliteProgressStoreContractTests : ProgressStoreContract
{
    private readonly string _dir = Directory.CreateTempSubdirectory("llmprep-contract-").FullName;

    private string PathOf => Path.Combine(_dir, "progress.db");

    protected override IProgressDatabase OpenInstance() => ProgressDatabase.Open(PathOf);

    protected override string SchemaFingerprint()
    {
        using var connection = new SqliteConnection($"Data Source={PathOf};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT user_version FROM pragma_user_version) || ':' || group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master ORDER BY name)";
        return (string)command.ExecuteScalar()!;
    }

    protected override void DeleteStorage()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
