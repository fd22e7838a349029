namespace LlmPrep.Core.Index;

/// <summary>One search match as the index returns it, before it is shaped for a caller.</summary>
public sealed record IndexRow(
    string NoteId,
    string NotePath,
    string NoteTitle,
    string Anchor,
    string Heading,
    string Section,
    string Level,
    string Priority,
    string Snippet,
    double Rank);
