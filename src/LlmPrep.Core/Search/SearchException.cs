namespace LlmPrep.Core.Search;

/// <summary>A search that cannot run as asked; the message says what to change.</summary>
public sealed class SearchException(string message) : Exception(message);
