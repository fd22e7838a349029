using System.Text.Json;
using LlmPrep.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>The progress file under kill -9 and under two processes sharing one data folder, driven through the built server.</summary>
public sealed class ProgressDurabilityTests : IDisposable
{
    private const int Kills = 20;

    private static readonly string[] Cards =
    [
        "vector-databases/what-is-ivf",
        "hybrid-search/what-is-the-rrf-formula",
        "transformers-attention/what-is-the-attention-formula",
        "vector-databases/how-does-hnsw-search",
    ];

    private readonly List<string> _folders = [];

    [Fact]
    public async Task No_acknowledged_review_is_lost_across_twenty_kills_during_quiz_answer()
    {
        var data = NewFolder();
        var acknowledged = new Dictionary<long, string>();
        var random = new Random(12);
        for (var run = 0; run < Kills; run++)
        {
            await using var server = await StdioServer.StartAsync(data);
            var next = await server.RequestAsync(1, """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"quiz_next","arguments":{}}}""");
            // The card quiz_next offers, or (once every card has been seen and none is due) a known one.
            var offered = next.GetProperty("result").GetProperty("structuredContent");
            var card = offered.TryGetProperty("card", out var due) && due.ValueKind == JsonValueKind.Object ? due.GetProperty("card_id").GetString()! : Cards[run % Cards.Length];

            const int Sent = 4;
            var answers = new Dictionary<long, string>();
            for (long id = 2; id < 2 + Sent; id++)
            {
                answers[id] = $"run {run} answer {id}";
                await server.SendAsync(AnswerRequest(id, id == 2 ? card : Cards[id % Cards.Length], answers[id]));
            }

            // Kill at a different point each run: before any answer is acknowledged, between answers, or after all of
            // them; whatever has not been acknowledged yet is still in flight.
            var waitFor = run % 5 == 0 ? 0 : run % 7 == 0 ? Sent : random.Next(1, Sent);
            for (long id = 2; id < 2 + waitFor; id++)
            {
                acknowledged[ReviewId(await server.ReadResponseAsync(id))] = answers[id];
            }

            await server.KillAsync();
        }

        Assert.True(acknowledged.Count >= Kills, $"only {acknowledged.Count} answers were acknowledged");
        using var connection = OpenReadOnly(data);
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        var stored = Reviews(connection);
        Assert.All(acknowledged, review =>
        {
            Assert.True(stored.TryGetValue(review.Key, out var answer), $"acknowledged review {review.Key} is missing");
            Assert.Equal(review.Value, answer);
        });
    }

    [Fact]
    public async Task Two_servers_started_together_on_a_fresh_folder_both_record_every_answer()
    {
        const int Rounds = 2;
        const int PerServer = 6;
        for (var round = 0; round < Rounds; round++)
        {
            var data = NewFolder();
            var starting = Enumerable.Range(0, 2).Select(_ => StdioServer.StartAsync(data)).ToList();
            try
            {
                var servers = await Task.WhenAll(starting);
                var replies = await Task.WhenAll(servers.Select((server, s) => AnswerAllAsync(server, s, PerServer)));

                var acknowledged = new Dictionary<long, string>();
                foreach (var (reply, answer) in replies.SelectMany(r => r))
                {
                    Assert.DoesNotContain("cannot be read", reply.ToString(), StringComparison.OrdinalIgnoreCase);
                    acknowledged.Add(ReviewId(reply), answer);
                }

                foreach (var server in servers)
                {
                    Assert.True(await server.EndInputAsync(), "a server did not exit after stdin ended");
                }

                Assert.Equal(2 * PerServer, acknowledged.Count);
                using var connection = OpenReadOnly(data);
                Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
                var stored = Reviews(connection);
                Assert.Equal(2 * PerServer, stored.Count);
                Assert.All(acknowledged, review => Assert.Equal(review.Value, stored.GetValueOrDefault(review.Key)));
            }
            finally
            {
                foreach (var start in starting.Where(s => s.IsCompletedSuccessfully))
                {
                    await (await start).DisposeAsync();
                }
            }
        }
    }

    /// <summary>Sends every answer at once, then reads each reply: the two servers write at the same time.</summary>
    private static async Task<List<(JsonElement Reply, string Answer)>> AnswerAllAsync(StdioServer server, int s, int count)
    {
        var answers = Enumerable.Range(1, count).ToDictionary(i => (long)i, i => $"server {s} answer {i}");
        foreach (var (id, answer) in answers)
        {
            await server.SendAsync(AnswerRequest(id, Cards[id % Cards.Length], answer));
        }

        var replies = new List<(JsonElement, string)>();
        foreach (var (id, answer) in answers)
        {
            replies.Add((await server.ReadResponseAsync(id), answer));
        }

        return replies;
    }

    private static string AnswerRequest(long id, string card, string answer)
    {
        var arguments = JsonSerializer.Serialize(new Dictionary<string, string> { ["card_id"] = card, ["answer"] = answer });
        return $$"""{"jsonrpc":"2.0","id":{{id}},"method":"tools/call","params":{"name":"quiz_answer","arguments":""" + arguments + "}}";
    }

    /// <summary>The review id of an acknowledged answer; a refused one fails the test with its message.</summary>
    private static long ReviewId(JsonElement reply)
    {
        Assert.True(reply.TryGetProperty("result", out var result), reply.ToString());
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), reply.ToString());
        return result.GetProperty("structuredContent").GetProperty("review_id").GetInt64();
    }

    private static SqliteConnection OpenReadOnly(string data)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(data, "progress.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static Dictionary<long, string> Reviews(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, answer FROM reviews";
        using var reader = command.ExecuteReader();
        var reviews = new Dictionary<long, string>();
        while (reader.Read())
        {
            reviews[reader.GetInt64(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }

        return reviews;
    }

    private string NewFolder()
    {
        var folder = Fixtures.NewDataDirectory();
        _folders.Add(folder);
        return folder;
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
