namespace LlmPrep.Core.Progress;

/// <summary>The progress file cannot be used as it is; the message says why and what to do. The file is left untouched.</summary>
public sealed class ProgressStoreException(string message, Exception? inner = null) : Exception(message, inner);
