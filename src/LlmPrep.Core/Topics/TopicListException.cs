namespace LlmPrep.Core.Topics;

/// <summary>A topic listing that cannot be made as asked; the message says what to change.</summary>
public sealed class TopicListException(string message) : Exception(message);
