namespace LlmPrep.Core.Corpus;

/// <summary>Text forms of <see cref="NoteLevel"/> and <see cref="NotePriority"/> as they appear in notes and tools.</summary>
public static class CorpusEnums
{
    public static readonly string[] LevelNames = ["beginner", "intermediate", "advanced", "expert"];
    public static readonly string[] PriorityNames = ["must", "good", "nice"];

    public static string ToText(this NoteLevel level) => LevelNames[(int)level];

    public static string ToText(this NotePriority priority) => PriorityNames[(int)priority];

    public static bool TryParseLevel(string? text, out NoteLevel level)
    {
        var index = Array.IndexOf(LevelNames, text?.Trim().ToLowerInvariant());
        level = index < 0 ? NoteLevel.Intermediate : (NoteLevel)index;
        return index >= 0;
    }

    public static bool TryParsePriority(string? text, out NotePriority priority)
    {
        var index = Array.IndexOf(PriorityNames, text?.Trim().ToLowerInvariant());
        priority = index < 0 ? NotePriority.Good : (NotePriority)index;
        return index >= 0;
    }
}
