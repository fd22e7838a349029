using System.Collections.Concurrent;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>
/// The built server launched over stdio with a data folder it cannot use: it keeps serving search and reading
/// from an in-memory index, says so once on stderr and briefly in tool results.
/// </summary>
public sealed class BadDataDirectoryTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("llmprep-bad-data-").FullName;

    [Theory]
    [InlineData("file", "is a file, not a folder")]
    [InlineData("read-only", "is not writable")]
    [InlineData("index-is-a-folder", "is a folder, not a file")]
    public async Task Search_and_reading_work_from_memory_with_one_warning(string kind, string reason)
    {
        var dataDir = Prepare(kind);
        var stderr = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "llmprep",
            Command = "dotnet",
            Arguments = [Fixtures.ServerDll, "serve", "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", dataDir],
            StandardErrorLines = stderr.Enqueue,
        });
        await using (var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25", DiscoverProbeTimeout = TimeSpan.FromSeconds(60) }))
        {
            var search = await client.CallToolAsync("search_notes", new Dictionary<string, object?> { ["query"] = "HNSW" });
            Assert.True(search.IsError is not true, McpHarness.Text(search));
            Assert.Equal("vector-databases", search.StructuredContent!.Value.GetProperty("hits")[0].GetProperty("note_id").GetString());
            var notice = Assert.Single(search.Content.OfType<TextContentBlock>(), b => b.Text.StartsWith("Warning:", StringComparison.Ordinal));
            Assert.Contains("in memory only", notice.Text, StringComparison.Ordinal);
            Assert.Contains(reason, notice.Text, StringComparison.Ordinal);

            var read = await client.CallToolAsync("read_note", new Dictionary<string, object?> { ["uri"] = "vector-databases" });
            Assert.True(read.IsError is not true, McpHarness.Text(read));
            Assert.Contains("HNSW", read.StructuredContent!.Value.GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Contains(read.Content.OfType<TextContentBlock>(), b => b.Text.StartsWith("Warning:", StringComparison.Ordinal));

            // Still alive after initialize and the background services (the corpus watcher) ran.
            await client.PingAsync();
            Assert.True((await client.CallToolAsync("search_notes", new Dictionary<string, object?> { ["query"] = "attention" })).IsError is not true);
        }

        var warnings = stderr.Where(l => l.Contains("search index cannot be kept on disk", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains(reason, warning, StringComparison.Ordinal);
    }

    private string Prepare(string kind)
    {
        switch (kind)
        {
            case "file":
                var file = Path.Combine(_scratch, "data");
                File.WriteAllText(file, "not a folder");
                return file;
            case "read-only":
                // Root writes through permission bits, so as root use a folder no one can create files in.
                if (Environment.IsPrivilegedProcess || OperatingSystem.IsWindows())
                {
                    return "/proc";
                }

                var folder = Directory.CreateDirectory(Path.Combine(_scratch, "read-only")).FullName;
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
                return folder;
            default:
                var data = Directory.CreateDirectory(Path.Combine(_scratch, "data")).FullName;
                Directory.CreateDirectory(Path.Combine(data, "index.db"));
                return data;
        }
    }

    public void Dispose()
    {
        var readOnly = Path.Combine(_scratch, "read-only");
        if (!OperatingSystem.IsWindows() && Directory.Exists(readOnly))
        {
            File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
