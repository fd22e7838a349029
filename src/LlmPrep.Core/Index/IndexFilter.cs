namespace LlmPrep.Core.Index;

/// <summary>Restrictions on which sections a search may return. Empty lists mean "any".</summary>
public sealed record IndexFilter
{
    public IReadOnlyList<string> Sections { get; init; } = [];

    public IReadOnlyList<string> Levels { get; init; } = [];

    public IReadOnlyList<string> Priorities { get; init; } = [];

    /// <summary>A section must carry every one of these tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public static IndexFilter None { get; } = new();

    public bool IsEmpty => Sections.Count == 0 && Levels.Count == 0 && Priorities.Count == 0 && Tags.Count == 0;
}
