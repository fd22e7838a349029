using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPrep.Core;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Json;
using LlmPrep.Server.Prompts;
using LlmPrep.Server.Resources;
using LlmPrep.Server.Tests.Support;
using LlmPrep.Server.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Tests.Protocol;

/// <summary>
/// The tool, prompt and resource definitions served from the embedded surface.json are exactly what the SDK derives from the
/// methods. When a tool or prompt changes, regenerate the file: <c>LLMPREP_WRITE_SURFACE=1 dotnet test
/// tests/LlmPrep.Server.Tests -c Release --filter PrecomputedSurfaceTests</c>, then rebuild.
/// </summary>
public sealed class PrecomputedSurfaceTests
{
    private static readonly Type[] ToolTypes = [typeof(SearchTools), typeof(ReadTools), typeof(TopicTools), typeof(QuizTools), typeof(ProgressTools), typeof(AppTools)];

    private static readonly Type[] PromptTypes = [typeof(InterviewPrompts), typeof(ConceptPrompts), typeof(CareerPrompts), typeof(StudyPrompts)];

    private static readonly Type[] ResourceTypes = [typeof(NoteResources), typeof(ProgressResources), typeof(ProblemResources)];

    [Fact]
    public void The_embedded_definitions_are_what_the_sdk_derives_from_the_methods()
    {
        var data = Fixtures.NewDataDirectory();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLlmPrep(new ServerSettings { Library = new LibraryOptions([new CorpusRoot("fixtures", Fixtures.Corpus)], data) });
        using var provider = services.BuildServiceProvider();
        var derived = Derive(provider);

        var source = Path.Combine(RepositoryRoot(), "src", "LlmPrep.Server", "Hosting", "surface.json");
        if (Environment.GetEnvironmentVariable("LLMPREP_WRITE_SURFACE") == "1")
        {
            File.WriteAllText(source, derived.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }

        using var embedded = typeof(McpServerSetup).Assembly.GetManifestResourceStream(PrecomputedSurface.ResourceName)!;
        var expected = derived.ToJsonString();
        Assert.True(JsonNode.DeepEquals(derived, JsonNode.Parse(embedded)),
            "the embedded surface.json is out of date: run LLMPREP_WRITE_SURFACE=1 dotnet test tests/LlmPrep.Server.Tests -c Release --filter PrecomputedSurfaceTests, then rebuild");
        Assert.True(JsonNode.DeepEquals(derived, JsonNode.Parse(File.ReadAllText(source))), "src/LlmPrep.Server/Hosting/surface.json differs from the derived definitions");
        Assert.Contains("\"search_notes\"", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_served_tools_and_prompts_are_the_precomputed_ones_and_they_run()
    {
        await using var mcp = await McpHarness.StartAsync();

        var tools = await mcp.Client.ListToolsAsync();
        var prompts = await mcp.Client.ListPromptsAsync();

        var options = mcp.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<McpServerOptions>>().Value;
        Assert.All(options.ToolCollection!, t => Assert.IsType<PrecomputedTool>(t));
        Assert.All(options.PromptCollection!, p => Assert.IsType<PrecomputedPrompt>(p));
        Assert.All(options.ResourceCollection!, r => Assert.IsType<PrecomputedResource>(r));
        Assert.Equal(
            ToolTypes.SelectMany(t => Attributed<McpServerToolAttribute>(t)).Select(m => m.GetCustomAttribute<McpServerToolAttribute>()!.Name).Where(n => !LlmPrep.Server.Apps.AppCatalog.IsAppOnly(n)).Order(StringComparer.Ordinal),
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            PromptTypes.SelectMany(t => Attributed<McpServerPromptAttribute>(t)).Select(m => m.GetCustomAttribute<McpServerPromptAttribute>()!.Name).Order(StringComparer.Ordinal),
            prompts.Select(p => p.Name).Order(StringComparer.Ordinal));

        var search = await mcp.CallOkAsync("search_notes", new() { ["query"] = "attention" });
        Assert.True(search.GetProperty("hits").GetArrayLength() > 0);
        var prompt = await mcp.Client.GetPromptAsync("quiz_me", new Dictionary<string, object?>());
        Assert.NotEmpty(prompt.Messages);
        var outline = await mcp.Client.ReadResourceAsync("llmprep://outline");
        Assert.NotEmpty(outline.Contents);
        var templates = await mcp.Client.ListResourceTemplatesAsync();
        Assert.Contains(templates, t => t.UriTemplate == "llmprep://notes/{+path}");
    }

    [Fact]
    public async Task The_corpus_starts_loading_only_once_the_first_answer_is_sent()
    {
        var data = Fixtures.NewDataDirectory();
        var clientToServer = new System.IO.Pipelines.Pipe();
        var serverToClient = new System.IO.Pipelines.Pipe();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLlmPrep(new ServerSettings { Library = new LibraryOptions([new CorpusRoot("fixtures", Fixtures.Corpus)], data) })
            .WithStreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream());
        await using var provider = services.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        var server = provider.GetRequiredService<McpServer>().RunAsync(stop.Token);
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        var library = provider.GetRequiredService<LibraryHost>();
        // The hosted services are running and the server waits for a message: nothing has touched the corpus.
        await Task.Delay(200);
        Assert.False(library.Started.IsCompleted);
        Assert.False(library.IsLoaded);

        await using (var client = await McpClient.CreateAsync(
            new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()),
            new McpClientOptions { ProtocolVersion = "2025-11-25" }))
        {
            await library.Started.WaitAsync(TimeSpan.FromSeconds(30));
            await provider.GetRequiredService<CorpusWatcher>().Watching.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(library.IsLoaded);
        }

        await stop.CancelAsync();
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await server.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static JsonObject Derive(IServiceProvider services)
    {
        var json = LlmPrepJsonContext.McpOptions;
        var tools = new JsonArray();
        foreach (var type in ToolTypes)
        {
            foreach (var method in Attributed<McpServerToolAttribute>(type))
            {
                var tool = method.IsStatic
                    ? McpServerTool.Create(method, options: new() { Services = services, SerializerOptions = json })
                    : McpServerTool.Create(method, r => ActivatorUtilities.CreateInstance(r.Services!, type), new() { Services = services, SerializerOptions = json });
                tools.Add(Entry(type, method, JsonSerializer.SerializeToNode(tool.ProtocolTool, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Tool)))));
            }
        }

        var prompts = new JsonArray();
        foreach (var type in PromptTypes)
        {
            foreach (var method in Attributed<McpServerPromptAttribute>(type))
            {
                var prompt = method.IsStatic
                    ? McpServerPrompt.Create(method, options: new() { Services = services, SerializerOptions = json })
                    : McpServerPrompt.Create(method, r => ActivatorUtilities.CreateInstance(r.Services!, type), new() { Services = services, SerializerOptions = json });
                prompts.Add(Entry(type, method, JsonSerializer.SerializeToNode(prompt.ProtocolPrompt, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Prompt)))));
            }
        }

        var resources = new JsonArray();
        foreach (var type in ResourceTypes)
        {
            foreach (var method in Attributed<McpServerResourceAttribute>(type))
            {
                var resource = method.IsStatic
                    ? McpServerResource.Create(method, options: new() { Services = services })
                    : McpServerResource.Create(method, r => ActivatorUtilities.CreateInstance(r.Services!, type), new() { Services = services });
                resources.Add(Entry(type, method, JsonSerializer.SerializeToNode(resource.ProtocolResourceTemplate, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ResourceTemplate)))));
            }
        }

        return new JsonObject { ["tools"] = tools, ["prompts"] = prompts, ["resources"] = resources };
    }

    private static JsonObject Entry(Type type, MethodInfo method, JsonNode? definition) =>
        new() { ["type"] = type.Name, ["method"] = method.Name, ["definition"] = definition };

    private static IEnumerable<MethodInfo> Attributed<TAttribute>(Type type)
        where TAttribute : Attribute =>
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<TAttribute>() is not null)
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LlmPrep.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (LlmPrep.sln) is not above the test assembly");
    }
}
