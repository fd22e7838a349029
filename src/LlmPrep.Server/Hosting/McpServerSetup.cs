using System.Reflection;
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

/// <summary>Registers the LlmPrep MCP surface: tools, prompts, resources, completions and subscriptions. Shared by the stdio and HTTP hosts and tests.</summary>
public static class McpServerSetup
{
    public static string Version { get; } =
        typeof(McpServerSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static IMcpServerBuilder AddLlmPrep(this IServiceCollection services, ServerSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<LibraryHost>();
        services.AddSingleton<QuizHost>();
        services.AddSingleton(settings.Grader);
        services.AddSingleton<IAnswerJudge, SamplingJudge>();
        services.AddSingleton<IAnswerJudge, EndpointJudge>();
        services.AddSingleton<JudgeChain>();
        services.AddSingleton<PersonConfirmation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ResourceSubscriptions>();
        services.AddHostedService<CorpusWatcher>();
        // The corpus is loaded once the handshake is done, so initialize answers in tens of milliseconds.
        services.AddOptions<McpServerOptions>().Configure<LibraryHost>((options, host) =>
            options.Handlers.NotificationHandlers =
            [
                .. options.Handlers.NotificationHandlers ?? [],
                new(NotificationMethods.InitializedNotification, (_, _) =>
                {
                    host.Start();
                    return ValueTask.CompletedTask;
                }),
            ]);

        var json = LlmPrepJsonContext.McpOptions;
        return services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "llmprep", Title = "LlmPrep — LLM interview prep", Version = Version };
                options.ServerInstructions = ServerInstructions.Text;
                options.Capabilities = new ServerCapabilities { Resources = new ResourcesCapability { Subscribe = true, ListChanged = true } };
            })
            .WithTools<SearchTools>(json)
            .WithTools<ReadTools>(json)
            .WithTools<TopicTools>(json)
            .WithTools<QuizTools>(json)
            .WithTools<ProgressTools>(json)
            .WithPrompts<InterviewPrompts>(json)
            .WithPrompts<ConceptPrompts>(json)
            .WithPrompts<CareerPrompts>(json)
            .WithPrompts<StudyPrompts>(json)
            .WithCompleteHandler(CompletionHandler.CompleteAsync)
            .WithResources<NoteResources>()
            .WithResources<ProgressResources>()
            .WithListResourcesHandler(NoteListing.ListAsync)
            .WithReadResourceHandler(NoteListing.ReadAsync)
            .WithSubscribeToResourcesHandler(SubscriptionHandlers.SubscribeAsync)
            .WithUnsubscribeFromResourcesHandler(SubscriptionHandlers.UnsubscribeAsync);
    }
}
