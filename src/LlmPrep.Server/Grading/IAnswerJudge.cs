using LlmPrep.Core.Corpus;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Grading;

/// <summary>A model that judges answers with <see cref="LlmPrep.Core.Quiz.JudgeRubric"/>.</summary>
public interface IAnswerJudge
{
    /// <summary>The grader name recorded with the review.</summary>
    string Name { get; }

    /// <summary>Why this judge cannot rule for this client, or null when it can.</summary>
    string? Unavailable(McpServer? server);

    /// <summary>Judges the answer; a malformed, refused or late reply comes back as a problem, never as an exception.</summary>
    Task<JudgeResult> JudgeAsync(McpServer? server, QuizCard card, string answer, CancellationToken cancellationToken);
}
