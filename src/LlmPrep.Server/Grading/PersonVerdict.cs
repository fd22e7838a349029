using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Server.Grading;

/// <summary>The person's own verdict: the key points they say they covered, and the rating that results (or that they chose).</summary>
public sealed record PersonVerdict(AnswerVerdict Verdict, Rating Rating);
