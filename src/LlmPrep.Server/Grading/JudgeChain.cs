using LlmPrep.Core.Corpus;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Grading;

/// <summary>
/// The model judges in order of preference (the client's model through sampling, then a configured model): the first
/// valid verdict wins. When none rules, the reasons are returned so the host's own model can be asked instead.
/// </summary>
public sealed class JudgeChain(IEnumerable<IAnswerJudge> judges, ILogger<JudgeChain> logger)
{
    private readonly IReadOnlyList<IAnswerJudge> _judges = [.. judges];

    public async Task<(JudgeResult? Result, string? Judge, string Unavailable)> JudgeAsync(
        McpServer? server, QuizCard card, string answer, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        foreach (var judge in _judges)
        {
            if (judge.Unavailable(server) is { } reason)
            {
                reasons.Add(reason);
                continue;
            }

            var result = await judge.JudgeAsync(server, card, answer, cancellationToken);
            if (result.Verdict is not null)
            {
                return (result, judge.Name, "");
            }

            logger.LogWarning("The {Judge} judge did not rule on {Card}: {Problem}", judge.Name, card.Id, result.Problem);
            reasons.Add(result.Problem ?? "no verdict");
        }

        return (null, null, string.Join("; ", reasons));
    }
}
