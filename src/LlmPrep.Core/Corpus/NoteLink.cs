namespace LlmPrep.Core.Corpus;

/// <summary>A <c>[[note-id]]</c> or <c>[[note-id#Heading|label]]</c> link found in a note (a value, held in one array a note).</summary>
public readonly record struct NoteLink(string Target, string? Heading, int Line);
