namespace LlmPrep.Core.Corpus;

/// <summary>A <c>[[note-id]]</c> or <c>[[note-id#Heading|label]]</c> link found in a note.</summary>
public sealed record NoteLink(string Target, string? Heading, int Line);
