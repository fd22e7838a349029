namespace LlmPrep.Core.Corpus;

/// <summary>How deep a note goes, from a first read to expert detail.</summary>
public enum NoteLevel
{
    Beginner,
    Intermediate,
    Advanced,
    Expert,
}
