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
