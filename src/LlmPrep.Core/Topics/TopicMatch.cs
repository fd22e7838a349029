using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Topics;

/// <summary>A note a topic names, why, and (for a heading match) the section about it.</summary>
public sealed record TopicMatch(Note Note, TopicMatchKind Kind, NoteSection? Section = null);
