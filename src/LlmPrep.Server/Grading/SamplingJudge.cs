using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Sampling is how 2025-11-25 clients (VS Code, the TypeScript SDK) lend their model; MCP9005 marks it obsolete for 2026-07-28 only.
#pragma warning disable MCP9005

namespace LlmPrep.Server.Grading;

/// <summary>
/// The client's own model as judge, through MCP sampling: only for clients on protocol 2025-11-25 (or older) that declare
/// sampling. It is never attempted on 2026-07-28, which deprecates sampling.
/// </summary>
public sealed class SamplingJudge : IAnswerJudge
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public string Name => QuizService.SamplingGrader;

    public string? Unavailable(McpServer? server) =>
        server?.ClientCapabilities?.Sampling is null ? "the client does not offer sampling"
        : IsDeprecated(server.NegotiatedProtocolVersion) ? $"sampling is deprecated in protocol {server.NegotiatedProtocolVersion}"
        : null;

    /// <summary>The revision that deprecates sampling, and every later one (versions are dates, so they order as text).</summary>
    public const string DeprecatedFrom = "2026-07-28";

    private static bool IsDeprecated(string? version) => version is not null && string.CompareOrdinal(version, DeprecatedFrom) >= 0;

    public async Task<JudgeResult> JudgeAsync(McpServer? server, QuizCard card, string answer, CancellationToken cancellationToken)
    {
        if (Unavailable(server) is { } reason)
        {
            return JudgeResult.Failed(reason);
        }

        var request = new CreateMessageRequestParams
        {
            SystemPrompt = JudgeRubric.SystemPrompt,
            Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = JudgeRubric.Prompt(card, answer) }] }],
            MaxTokens = 1000,
            Temperature = 0,
            IncludeContext = ContextInclusion.None,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var result = await server!.SampleAsync(request, timeout.Token);
            var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
            var (verdict, feedback, problem) = VerdictParser.ParseReply(card, text);
            return new JudgeResult(verdict, feedback, problem is null ? null : $"the client's model: {problem}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return JudgeResult.Failed("the client's model did not answer in time");
        }
        catch (McpException ex)
        {
            return JudgeResult.Failed($"sampling failed: {ex.Message}");
        }
    }
}
