using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LlmPrep.Server.Tests.Support;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>
/// What the install paths rely on: one version everywhere, package metadata that registries and
/// Claude Desktop accept, settings an installer may leave empty, and the health endpoint for containers.
/// (Installing the packages themselves is proven by packaging/verify-install.sh, which CI runs.)
/// </summary>
public sealed partial class PackagingTests : IDisposable
{
    private readonly string _data = Fixtures.NewDataDirectory();

    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LlmPrep.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("LlmPrep.sln not found");
        }
    }

    private static string ProductVersion =>
        XDocument.Load(Path.Combine(RepoRoot, "Directory.Build.props")).Descendants("Version").Single().Value;

    private static JsonElement ReadJson(params string[] path) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine([RepoRoot, .. path]))).RootElement;

    [Fact]
    public async Task Version_option_prints_the_product_version()
    {
        var run = await RunAsync(null, "--version");

        Assert.Equal(0, run.Code);
        Assert.Equal(ProductVersion, run.Out.Trim());
        Assert.Matches(SemVer(), ProductVersion);
    }

    [Fact]
    public void Server_json_describes_the_nuget_package_in_the_registry_format()
    {
        var server = ReadJson("src", "LlmPrep.Server", ".mcp", "server.json");

        Assert.Equal("https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json", server.GetProperty("$schema").GetString());
        Assert.Matches("^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$", server.GetProperty("name").GetString()!);
        Assert.InRange(server.GetProperty("description").GetString()!.Length, 1, 100);
        Assert.Equal(ProductVersion, server.GetProperty("version").GetString());
        var package = Assert.Single(server.GetProperty("packages").EnumerateArray());
        Assert.Equal("nuget", package.GetProperty("registryType").GetString());
        Assert.Equal("LlmPrep", package.GetProperty("identifier").GetString());
        Assert.Equal(ProductVersion, package.GetProperty("version").GetString());
        Assert.Equal("stdio", package.GetProperty("transport").GetProperty("type").GetString());
        var variables = package.GetProperty("environmentVariables").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToList();
        Assert.Equal(["LLMPREP_CORPUS", "LLMPREP_DATA_DIR"], variables);
    }

    [Fact]
    public void Bundle_manifest_has_the_product_version_and_maps_both_folders()
    {
        var manifest = ReadJson("packaging", "mcpb", "manifest.json");

        Assert.Equal(ProductVersion, manifest.GetProperty("version").GetString());
        Assert.Equal("binary", manifest.GetProperty("server").GetProperty("type").GetString());
        var args = manifest.GetProperty("server").GetProperty("mcp_config").GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("--corpus=${user_config.notes_folder}", args);
        Assert.Contains("--data-dir=${user_config.data_folder}", args);
        Assert.True(File.Exists(Path.Combine(RepoRoot, "packaging", "mcpb", manifest.GetProperty("icon").GetString()!)));
    }

    [Fact]
    public async Task Bundle_manifest_lists_exactly_what_the_server_serves()
    {
        var manifest = ReadJson("packaging", "mcpb", "manifest.json");
        await using var harness = await McpHarness.StartAsync();

        var tools = (await harness.Client.ListToolsAsync()).Select(t => t.Name).Order();
        var prompts = (await harness.Client.ListPromptsAsync()).Select(p => p.Name).Order();

        Assert.Equal(tools, manifest.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Order());
        Assert.Equal(prompts, manifest.GetProperty("prompts").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order());
    }

    [Fact]
    public async Task Empty_folder_settings_from_an_installer_mean_the_defaults()
    {
        // Claude Desktop passes "--corpus=" and "--data-dir=" for folders the person left empty.
        var run = await RunAsync(new() { ["LLMPREP_DATA_DIR"] = _data }, "search", "reciprocal rank fusion", "--limit", "1", "--corpus=", "--data-dir=");

        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("hybrid-search", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_data, "index.db")), "the index goes to LLMPREP_DATA_DIR when --data-dir is empty");
    }

    [Fact]
    public async Task Health_endpoint_answers_probes_and_the_health_command_reads_it()
    {
        var port = FreePort();
        using var server = Start(null, "serve", "--http", "--urls", $"http://127.0.0.1:{port}", "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data);
        try
        {
            var url = $"http://127.0.0.1:{port}/health";
            using var http = new HttpClient();
            HttpResponseMessage? response = null;
            for (var i = 0; i < 300 && response is null; i++)
            {
                try
                {
                    response = await http.GetAsync(url);
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.NotNull(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"\"version\":\"{ProductVersion}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var check = await RunAsync(null, "health", "--url", url);
            Assert.Equal(0, check.Code);
            Assert.StartsWith("200 ", check.Out, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        var down = await RunAsync(null, "health", "--url", $"http://127.0.0.1:{port}/health");
        Assert.Equal(1, down.Code);
        Assert.Contains("no answer", down.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_container_command_needs_a_token_then_serves_health_to_probes_and_mcp_to_token_holders()
    {
        // What the image runs: serve --http on every interface, with the data folder and tokens file from its environment.
        var port = FreePort();
        var env = new Dictionary<string, string> { ["LLMPREP_DATA_DIR"] = _data, ["LLMPREP_TOKENS_FILE"] = Path.Combine(_data, "tokens.json") };
        string[] serve = ["serve", "--http", "--urls", $"http://0.0.0.0:{port}", "--no-bundled", "--corpus", Fixtures.Corpus];

        var refused = await RunAsync(env, serve);
        Assert.Equal(2, refused.Code);
        Assert.Contains("llmprep token add", refused.Err, StringComparison.Ordinal);

        var added = await RunAsync(env, "token", "add", "alice");
        Assert.Equal(0, added.Code);
        var token = added.Out.Trim();

        using var server = Start(env, serve);
        try
        {
            using var http = new HttpClient();
            HttpResponseMessage? health = null;
            for (var i = 0; i < 300 && health is null; i++)
            {
                try
                {
                    health = await http.GetAsync($"http://127.0.0.1:{port}/health");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.NotNull(health);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(0, (await RunAsync(env, "health", "--url", $"http://127.0.0.1:{port}/health")).Code);

            using var anonymous = await http.PostAsync($"http://127.0.0.1:{port}/mcp", new StringContent("{}"));
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

            using var signedIn = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/mcp")
            {
                Content = new StringContent(
                    """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"probe","version":"1"}}}""",
                    System.Text.Encoding.UTF8,
                    "application/json"),
            };
            signedIn.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            signedIn.Headers.Accept.ParseAdd("application/json");
            signedIn.Headers.Accept.ParseAdd("text/event-stream");
            using var answered = await http.SendAsync(signedIn);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public void Dockerfile_builds_native_and_runs_http_as_a_non_root_user_with_auth_and_a_data_volume()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepoRoot, "Dockerfile"));

        Assert.True(Regex.Count(dockerfile, @"^FROM\s", RegexOptions.Multiline) >= 2, "multi-stage build");
        Assert.Matches(@"(?m)^USER\s+(?!root\b|0\b)\S+", dockerfile);
        Assert.Matches(@"(?m)^VOLUME\s+\[?""?/data", dockerfile);
        Assert.Matches(@"(?m)^LABEL\s+io\.modelcontextprotocol\.server\.name=""io\.github\.llmprep/llmprep""", dockerfile);
        Assert.Matches(@"(?m)^HEALTHCHECK\s.*""health""", dockerfile);
        Assert.Matches(@"(?m)^CMD\s.*""serve"",\s*""--http"".*0\.0\.0\.0", dockerfile);
        Assert.Contains("LLMPREP_TOKENS_FILE", dockerfile, StringComparison.Ordinal);
        Assert.Contains("-p:PublishAot=true", dockerfile, StringComparison.Ordinal);
        // A network server keeps its image at a random address; only the stdio build trades that for a faster start.
        Assert.Contains("-p:PositionIndependentExecutable=true", dockerfile, StringComparison.Ordinal);
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

    private static Process Start(Dictionary<string, string>? env, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Fixtures.ServerDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env ?? [])
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(Dictionary<string, string>? env, params string[] args)
    {
        using var process = Start(env, args);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex SemVer();
}
