namespace LlmPrep.Core.Corpus;

/// <summary>How often interviews need a topic: must (every interview), good (a differentiator), nice (bonus).</summary>
public enum NotePriority
{
    Must,
    Good,
    Nice,
}
