using LlmPrep.Server.Apps;
using LlmPrep.Server.Arguments;
using LlmPrep.Server.Completions;
using LlmPrep.Server.Grading;
using LlmPrep.Server.Json;
using LlmPrep.Server.Prompts;
using LlmPrep.Server.Resources;
using LlmPrep.Server.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Registers the LlmPrep MCP surface: tools, prompts, resources, completions and subscriptions. Shared by the stdio and
/// HTTP hosts and tests. It serves 2025-11-25 clients (initialize, sessions, <c>resources/subscribe</c>) and 2026-07-28
/// clients (<c>server/discover</c>, per-request <c>_meta</c>, <c>subscriptions/listen</c>) alike; see <see cref="ClientProfile"/>
/// for what the client behind a request can do.
/// </summary>
public static class McpServerSetup
{
    /// <summary>The product version (the package's), without any source revision after a '+'.</summary>
    public static string Version { get; } = BuildVersion.InformationalVersion.Split('+')[0];

    public static IMcpServerBuilder AddLlmPrep(this IServiceCollection services, ServerSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<LibraryHost>();
        services.TryAddSingleton<IProgressUser, LocalProgressUser>();
        services.AddSingleton<QuizHost>();
        services.AddSingleton(settings.Grader);
        services.AddSingleton<IAnswerJudge, SamplingJudge>();
        services.AddSingleton<IAnswerJudge, EndpointJudge>();
        services.AddSingleton<JudgeChain>();
        services.AddSingleton<PersonConfirmation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ResourceSubscriptions>();
        services.AddSingleton<CorpusWatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<CorpusWatcher>());

        var json = LlmPrepJsonContext.McpOptions;
        return services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "llmprep", Title = "LlmPrep — LLM interview prep", Version = Version, Icons = ServerIcons.Server };
                options.ServerInstructions = ServerInstructions.Text;
                options.Capabilities = new ServerCapabilities { Resources = new ResourcesCapability { Subscribe = true, ListChanged = true } };
            })
            .WithMessageFilters(filters => filters.AddIncomingFilter(ArgumentCheck.Filter).AddOutgoingFilter(LibraryHost.StartAfterFirstAnswer).AddOutgoingFilter(LibraryHost.CollectAfterAnswer))
            .WithPrecomputedTools<SearchTools>(json)
            .WithPrecomputedTools<ReadTools>(json)
            .WithPrecomputedTools<TopicTools>(json)
            .WithPrecomputedTools<QuizTools>(json)
            .WithPrecomputedTools<ProgressTools>(json)
            .WithApps()
            .WithPrecomputedPrompts<InterviewPrompts>(json)
            .WithPrecomputedPrompts<ConceptPrompts>(json)
            .WithPrecomputedPrompts<CareerPrompts>(json)
            .WithPrecomputedPrompts<StudyPrompts>(json)
            .WithCompleteHandler(CompletionHandler.CompleteAsync)
            .WithPrecomputedResources<NoteResources>()
            .WithPrecomputedResources<ProgressResources>()
            .WithPrecomputedResources<ProblemResources>()
            .WithListResourcesHandler(NoteListing.ListAsync)
            .WithReadResourceHandler(NoteListing.ReadAsync)
            .WithSubscribeToResourcesHandler(SubscriptionHandlers.SubscribeAsync)
            .WithUnsubscribeFromResourcesHandler(SubscriptionHandlers.UnsubscribeAsync)
            .WithSubscriptionsListenHandler(SubscriptionHandlers.ListenAsync)
            .WithListingFilters();
    }
}
