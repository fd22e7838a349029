using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.Tools;

/// <summary>The person's progress outlives servers and indexes, and a bad progress file is never overwritten.</summary>
public sealed class ProgressPersistenceTests : IDisposable
{
    private readonly string _data = Fixtures.NewDataDirectory();

    [Fact]
    public async Task Progress_survives_a_restart_and_an_index_rebuild()
    {
        await using (var first = await McpHarness.StartAsync(dataDirectory: _data))
        {
            await first.CallOkAsync("quiz_answer", new() { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "Vectors clustered into lists; only some lists are probed." });
            await first.CallOkAsync("quiz_answer", new() { ["card_id"] = "hybrid-search/what-is-the-rrf-formula", ["answer"] = "" });
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(_data, "index.db"));

        await using var second = await McpHarness.StartAsync(dataDirectory: _data);
        var report = await second.CallOkAsync("progress_report", []);
        Assert.Equal(2, report.GetProperty("reviews").GetInt32());
        Assert.Equal(2, report.GetProperty("studied_cards").GetInt32());
        Assert.NotEmpty(report.GetProperty("weakest").EnumerateArray());
        Assert.NotEmpty((await second.CallOkAsync("search_notes", new() { ["query"] = "ivf" })).GetProperty("hits").EnumerateArray());
    }

    [Fact]
    public async Task An_unreadable_progress_file_is_reported_left_untouched_and_search_still_works()
    {
        var progress = Path.Combine(_data, "progress.db");
        await File.WriteAllTextAsync(progress, "my precious notes, not a database" + new string('.', 4000));
        var before = await File.ReadAllBytesAsync(progress);

        await using var mcp = await McpHarness.StartAsync(dataDirectory: _data);

        Assert.Contains("left untouched", await mcp.CallErrorAsync("quiz_next", []), StringComparison.Ordinal);
        Assert.Contains("left untouched", await mcp.CallErrorAsync("quiz_answer", new() { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "x" }), StringComparison.Ordinal);
        Assert.NotEmpty((await mcp.CallOkAsync("search_notes", new() { ["query"] = "hnsw" })).GetProperty("hits").EnumerateArray());
        Assert.Equal(before, await File.ReadAllBytesAsync(progress));
    }

    [Fact]
    public async Task A_locked_progress_file_is_reported_busy_and_the_quiz_works_once_the_lock_is_gone()
    {
        var progress = Path.Combine(_data, "progress.db");
        await using var mcp = await McpHarness.StartAsync(dataDirectory: _data, busyTimeout: TimeSpan.FromMilliseconds(200));
        await mcp.CallOkAsync("search_notes", new() { ["query"] = "hnsw" });

        using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={progress};Pooling=False"))
        {
            other.Open();
            using var begin = other.CreateCommand();
            begin.CommandText = "PRAGMA journal_mode=WAL; BEGIN EXCLUSIVE; CREATE TABLE being_created(x);";
            begin.ExecuteNonQuery();

            var busy = await mcp.CallErrorAsync("quiz_next", []);
            Assert.Contains("busy", busy, StringComparison.Ordinal);
            Assert.Contains("try again", busy, StringComparison.Ordinal);
            Assert.DoesNotContain("move it aside", busy, StringComparison.Ordinal);
            using var rollback = other.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        await mcp.CallOkAsync("quiz_next", []);
        await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "lists" });
    }

    [Fact]
    public async Task The_progress_resource_gives_the_reason_as_its_text_when_the_file_is_refused()
    {
        await File.WriteAllTextAsync(Path.Combine(_data, "progress.db"), "not a database" + new string('.', 4000));
        await using var mcp = await McpHarness.StartAsync(dataDirectory: _data);

        var read = await mcp.Client.ReadResourceAsync("llmprep://progress");

        var text = Assert.IsType<ModelContextProtocol.Protocol.TextResourceContents>(Assert.Single(read.Contents)).Text;
        Assert.Contains("not an LlmPrep progress file", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_answer_is_recorded_once_and_says_so()
    {
        await using var mcp = await McpHarness.StartAsync(dataDirectory: _data);
        var arguments = new Dictionary<string, object?> { ["card_id"] = "vector-databases/what-is-ivf", ["answer"] = "Vectors clustered into lists." };

        var first = await mcp.CallOkAsync("quiz_answer", arguments);
        var retry = await mcp.CallOkAsync("quiz_answer", arguments);

        Assert.False(first.GetProperty("already_recorded").GetBoolean());
        Assert.True(retry.GetProperty("already_recorded").GetBoolean());
        Assert.Equal(first.GetProperty("review_id").GetInt64(), retry.GetProperty("review_id").GetInt64());
        Assert.Equal(1, (await mcp.CallOkAsync("progress_report", [])).GetProperty("reviews").GetInt32());
    }

    [Fact]
    public void A_data_folder_that_is_a_file_is_named_by_the_quiz()
    {
        var file = Path.Combine(_data, "data-file");
        File.WriteAllText(file, "x");
        var settings = new LlmPrep.Server.Hosting.ServerSettings { Library = new LlmPrep.Core.LibraryOptions([], file) };
        using var quiz = new LlmPrep.Server.Hosting.QuizHost(settings, TimeProvider.System);

        var error = Assert.Throws<LlmPrep.Core.Quiz.QuizException>(() => quiz.Service);

        Assert.Contains($"the data folder '{file}' is a file, not a folder", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
