namespace LlmPrep.Core.Corpus;

/// <summary>One file as read and parsed, with the problems found in it alone.</summary>
internal sealed record ParsedFile(NoteFile File, IReadOnlyList<CorpusProblem> Problems);
