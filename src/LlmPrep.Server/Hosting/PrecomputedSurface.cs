using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// The tool, prompt and resource definitions as the SDK derives them from the methods (JSON schemas built by reflection over
/// parameters and attributes), computed once ahead of time and embedded as <c>surface.json</c>. Start-up reads that
/// file instead of deriving them, so <c>initialize</c> is answered without any reflection; each method's SDK wrapper is
/// built when it is first called. A test derives the definitions afresh and fails when the file is out of date.
/// </summary>
internal static class PrecomputedSurface
{
    public const string ResourceName = "llmprep.surface.json";

    private const BindingFlags Methods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    private const DynamicallyAccessedMemberTypes Members =
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors;

    private static readonly Lazy<JsonDocument> Snapshot = new(Load);

    /// <summary>Registers the tools of <typeparamref name="T"/> from their precomputed definitions (derived now when the file has none).</summary>
    public static IMcpServerBuilder WithPrecomputedTools<[DynamicallyAccessedMembers(Members)] T>(this IMcpServerBuilder builder, JsonSerializerOptions json)
    {
        if (!Has("tools", typeof(T).Name))
        {
            return builder.WithTools<T>(json);
        }

        foreach (var (method, definition) in Entries("tools", typeof(T).Name))
        {
            var name = definition.GetProperty("name").GetString()!;
            builder.Services.AddSingleton<McpServerTool>(services =>
                new PrecomputedTool(name, () => Read<Tool>(definition), () => CreateTool<T>(method, services, json), Tools.DirectToolCalls.For(name)));
        }

        return builder;
    }

    /// <summary>Registers the prompts of <typeparamref name="T"/> from their precomputed definitions (derived now when the file has none).</summary>
    public static IMcpServerBuilder WithPrecomputedPrompts<[DynamicallyAccessedMembers(Members)] T>(this IMcpServerBuilder builder, JsonSerializerOptions json)
    {
        if (!Has("prompts", typeof(T).Name))
        {
            return builder.WithPrompts<T>(json);
        }

        foreach (var (method, definition) in Entries("prompts", typeof(T).Name))
        {
            var name = definition.GetProperty("name").GetString()!;
            builder.Services.AddSingleton<McpServerPrompt>(services => new PrecomputedPrompt(name, () => Read<Prompt>(definition), () => CreatePrompt<T>(method, services, json)));
        }

        return builder;
    }

    /// <summary>Registers the resources and templates of <typeparamref name="T"/> from their precomputed definitions (derived now when the file has none).</summary>
    public static IMcpServerBuilder WithPrecomputedResources<[DynamicallyAccessedMembers(Members)] T>(this IMcpServerBuilder builder)
    {
        if (!Has("resources", typeof(T).Name))
        {
            return builder.WithResources<T>();
        }

        foreach (var (method, definition) in Entries("resources", typeof(T).Name))
        {
            var uriTemplate = definition.GetProperty("uriTemplate").GetString()!;
            builder.Services.AddSingleton<McpServerResource>(services =>
                new PrecomputedResource(uriTemplate, () => Read<ResourceTemplate>(definition), () => CreateResource<T>(method, services)));
        }

        return builder;
    }

    /// <summary>What the SDK's <c>WithTools&lt;T&gt;</c> builds for one method.</summary>
    public static McpServerTool CreateTool<[DynamicallyAccessedMembers(Members)] T>(string methodName, IServiceProvider? services, JsonSerializerOptions json)
    {
        var method = typeof(T).GetMethod(methodName, Methods)!;
        var options = new McpServerToolCreateOptions { Services = services, SerializerOptions = json };
        return method.IsStatic
            ? McpServerTool.Create(method, options: options)
            : McpServerTool.Create(method, static r => ActivatorUtilities.CreateInstance<T>(r.Services!)!, options);
    }

    /// <summary>What the SDK's <c>WithPrompts&lt;T&gt;</c> builds for one method.</summary>
    public static McpServerPrompt CreatePrompt<[DynamicallyAccessedMembers(Members)] T>(string methodName, IServiceProvider? services, JsonSerializerOptions json)
    {
        var method = typeof(T).GetMethod(methodName, Methods)!;
        var options = new McpServerPromptCreateOptions { Services = services, SerializerOptions = json };
        return method.IsStatic
            ? McpServerPrompt.Create(method, options: options)
            : McpServerPrompt.Create(method, static r => ActivatorUtilities.CreateInstance<T>(r.Services!)!, options);
    }

    /// <summary>What the SDK's <c>WithResources&lt;T&gt;</c> builds for one method.</summary>
    public static McpServerResource CreateResource<[DynamicallyAccessedMembers(Members)] T>(string methodName, IServiceProvider? services)
    {
        var method = typeof(T).GetMethod(methodName, Methods)!;
        var options = new McpServerResourceCreateOptions { Services = services };
        return method.IsStatic
            ? McpServerResource.Create(method, options: options)
            : McpServerResource.Create(method, static r => ActivatorUtilities.CreateInstance<T>(r.Services!)!, options);
    }

    /// <summary>
    /// A definition read from the embedded file, when it is first asked for (a listing or a call): answering
    /// <c>initialize</c> needs only the names, and reading every schema was a tenth of start-up.
    /// </summary>
    private static TDefinition Read<TDefinition>(JsonElement definition) =>
        definition.Deserialize((System.Text.Json.Serialization.Metadata.JsonTypeInfo<TDefinition>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(TDefinition)))!;

    /// <summary>The embedded file's entries of one kind (<c>tools</c>, <c>prompts</c> or <c>resources</c>) for one declaring type.</summary>
    public static IEnumerable<(string Method, JsonElement Definition)> Entries(string kind, string type) =>
        (Snapshot.Value.RootElement.TryGetProperty(kind, out var entries) && entries.ValueKind == JsonValueKind.Array ? entries.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var name) && name.ValueEquals(type))
            .Select(e => (e.GetProperty("method").GetString()!, e.GetProperty("definition")));

    private static bool Has(string kind, string type) => Entries(kind, type).Any();

    /// <summary>The embedded file, as a document whose elements any thread may read at any time.</summary>
    private static JsonDocument Load()
    {
        using var stream = typeof(PrecomputedSurface).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded {ResourceName} is missing");
        return JsonDocument.Parse(stream);
    }
}
