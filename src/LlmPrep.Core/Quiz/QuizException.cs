namespace LlmPrep.Core.Quiz;

/// <summary>A quiz request that cannot be served as asked; the message says what to send instead.</summary>
public sealed class QuizException(string message) : Exception(message);
