namespace LlmPrep.Core.Corpus;

/// <summary>A folder of markdown notes: the bundled corpus or a person's own vault.</summary>
/// <param name="Name">Short name used in messages and the index (e.g. <c>bundled</c>, <c>vault</c>).</param>
/// <param name="Directory">Absolute path of the folder.</param>
public sealed record CorpusRoot(string Name, string Directory);
