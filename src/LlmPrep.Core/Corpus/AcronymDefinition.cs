namespace LlmPrep.Core.Corpus;

/// <summary>An acronym a note's text defines and the phrase it stands for ("TTFT", "time to first token").</summary>
public readonly record struct AcronymDefinition(string Acronym, string Phrase);
