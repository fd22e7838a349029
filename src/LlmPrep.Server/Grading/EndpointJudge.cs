using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Server;
using OpenAI;

namespace LlmPrep.Server.Grading;

/// <summary>
/// A model the person configured (<see cref="GraderSettings"/>) as judge, through Microsoft.Extensions.AI's
/// <see cref="IChatClient"/> over the OpenAI chat-completions protocol. One attempt, no retries, bounded by the timeout.
/// </summary>
public sealed class EndpointJudge : IAnswerJudge, IDisposable
{
    private readonly GraderSettings _settings;
    private readonly Lazy<IChatClient?> _client;

    public EndpointJudge(GraderSettings settings)
    {
        _settings = settings;
        _client = new Lazy<IChatClient?>(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name => QuizService.EndpointGrader;

    public string? Unavailable(McpServer? server) =>
        !_settings.IsConfigured ? "no grader model is configured"
        : _client.Value is null ? $"the grader endpoint '{_settings.Endpoint}' is not an absolute http(s) URL"
        : null;

    public async Task<JudgeResult> JudgeAsync(McpServer? server, QuizCard card, string answer, CancellationToken cancellationToken)
    {
        if (Unavailable(server) is { } reason)
        {
            return JudgeResult.Failed(reason);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            var response = await _client.Value!.GetResponseAsync(
                [new ChatMessage(ChatRole.System, JudgeRubric.SystemPrompt), new ChatMessage(ChatRole.User, JudgeRubric.Prompt(card, answer))],
                new ChatOptions { Temperature = 0, MaxOutputTokens = 1000, ResponseFormat = ChatResponseFormat.Json },
                timeout.Token);
            var (verdict, feedback, problem) = VerdictParser.ParseReply(card, response.Text);
            return new JudgeResult(verdict, feedback, problem is null ? null : $"the grader model ({_settings.Model}): {problem}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return JudgeResult.Failed($"the grader model ({_settings.Model}) did not answer within {_settings.Timeout.TotalSeconds:0} s");
        }
        catch (ClientResultException ex) when (ex.Status == 0)
        {
            return JudgeResult.Failed("the grader endpoint could not be reached");
        }
        catch (ClientResultException ex)
        {
            return JudgeResult.Failed($"the grader endpoint refused the request (HTTP {ex.Status})");
        }
        catch (HttpRequestException ex)
        {
            return JudgeResult.Failed($"the grader endpoint could not be reached ({ex.HttpRequestError})");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
        {
            // The client library reads the reply as it goes; a body that is not a chat completion surfaces as one of these.
            return JudgeResult.Failed($"the grader endpoint's reply was not a chat completion ({ex.GetType().Name})");
        }
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value?.Dispose();
        }
    }

    private IChatClient? Create()
    {
        if (!Uri.TryCreate(_settings.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            return null;
        }

        // Local servers (Ollama, LM Studio, llama.cpp) take any key; the protocol still wants one.
        var key = _settings.ApiKeyVariable is { Length: > 0 } variable ? Environment.GetEnvironmentVariable(variable) : null;
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = _settings.Timeout,
        };
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(key) ? "none" : key), options)
            .GetChatClient(_settings.Model)
            .AsIChatClient();
    }
}
