using System.Collections.Concurrent;
using LlmPrep.Server.Tests.Support;
using LlmPrep.Tests.Postgres;
using ModelContextProtocol.Client;
using Npgsql;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>The built server with <c>LlmPrep:Progress:Provider = postgres</c>, driven over stdio as an assistant does.</summary>
public sealed class PostgresProgressTests : IDisposable
{
    private readonly string _data = Fixtures.NewDataDirectory();
    private readonly ConcurrentQueue<string> _stderr = new();

    [PostgresFact]
    public async Task Answers_are_kept_in_postgres_and_read_back_by_another_instance()
    {
        using var database = PostgresTestServer.CreateDatabase();
        var password = new NpgsqlConnectionStringBuilder(database.ConnectionString).Password!;
        string card;
        await using (var first = await ConnectAsync("postgres", database.ConnectionString))
        {
            card = (await first.CallToolAsync("quiz_next", new Dictionary<string, object?>())).StructuredContent!.Value
                .GetProperty("card").GetProperty("card_id").GetString()!;
            var answered = await first.CallToolAsync("quiz_answer", new Dictionary<string, object?> { ["card_id"] = card, ["answer"] = "attention weights" });
            Assert.True(answered.IsError is not true, McpHarness.Text(answered));
            var reviewId = answered.StructuredContent!.Value.GetProperty("review_id").GetInt64();

            using var connection = database.Connect();
            using var rows = new NpgsqlCommand("SELECT id, user_id, card_id, answer, b_reps, a_reps FROM llmprep.reviews", connection);
            using var reader = rows.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(reviewId, reader.GetInt64(0));
            Assert.Equal("local", reader.GetString(1));
            Assert.Equal(card, reader.GetString(2));
            Assert.Equal("attention weights", reader.GetString(3));
            Assert.Equal((0, 1), (reader.GetInt32(4), reader.GetInt32(5)));
            Assert.False(reader.Read());
        }

        await using (var second = await ConnectAsync("postgres", database.ConnectionString))
        {
            var retried = await second.CallToolAsync("quiz_answer", new Dictionary<string, object?> { ["card_id"] = card, ["answer"] = "attention weights" });
            Assert.True(retried.StructuredContent!.Value.GetProperty("already_recorded").GetBoolean(), McpHarness.Text(retried));
            var report = await second.CallToolAsync("progress_report", new Dictionary<string, object?>());
            Assert.Equal(1, report.StructuredContent!.Value.GetProperty("reviews").GetInt32());

            var next = await second.CallToolAsync("quiz_answer", new Dictionary<string, object?> { ["card_id"] = card, ["answer"] = "a different answer" });
            Assert.True(next.IsError is not true, McpHarness.Text(next));
        }

        Assert.Equal(2L, database.Scalar("SELECT count(*) FROM llmprep.reviews"));
        Assert.Equal("0>1,1>2", database.Scalar("SELECT string_agg(b_reps || '>' || a_reps, ',' ORDER BY id) FROM llmprep.reviews"));
        Assert.Equal(2, database.Scalar("SELECT reps FROM llmprep.card_memory WHERE user_id = 'local'"));
        Assert.False(File.Exists(Path.Combine(_data, "progress.db")));
        Assert.DoesNotContain(_stderr, line => line.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_provider_is_explained_by_the_quiz_tools_while_search_works()
    {
        await using var client = await ConnectAsync("mysql", null);

        var quiz = await client.CallToolAsync("quiz_next", new Dictionary<string, object?>());
        var search = await client.CallToolAsync("search_notes", new Dictionary<string, object?> { ["query"] = "attention" });

        Assert.True(quiz.IsError);
        Assert.Contains("the progress provider 'mysql' is unknown", McpHarness.Text(quiz), StringComparison.Ordinal);
        Assert.True(search.IsError is not true);
        Assert.False(File.Exists(Path.Combine(_data, "progress.db")));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_says_which_setting_to_give()
    {
        await using var client = await ConnectAsync("postgres", null);

        var quiz = await client.CallToolAsync("quiz_next", new Dictionary<string, object?>());

        Assert.True(quiz.IsError);
        Assert.Contains("LLMPREP_PROGRESS_CONNECTION_STRING", McpHarness.Text(quiz), StringComparison.Ordinal);
    }

    private async Task<McpClient> ConnectAsync(string provider, string? connectionString)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "llmprep",
            Command = "dotnet",
            Arguments = [Fixtures.ServerDll, "serve", "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data],
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["LLMPREP_PROGRESS_PROVIDER"] = provider,
                ["LLMPREP_PROGRESS_CONNECTION_STRING"] = connectionString,
                ["LLMPREP_LlmPrep__LogLevel"] = "Debug",
            },
            StandardErrorLines = _stderr.Enqueue,
        });
        return await McpClient.CreateAsync(transport, new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(60) });
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
