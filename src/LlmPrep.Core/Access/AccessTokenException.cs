namespace LlmPrep.Core.Access;

/// <summary>The tokens file cannot be read or written, or a user id is not valid; the message says which.</summary>
public sealed class AccessTokenException(string message) : Exception(message);
