namespace LlmPrep.Core.Progress;

/// <summary>How well a card was recalled, as the learner (or a grader) rates it after a review.</summary>
public enum Rating
{
    /// <summary>Forgotten or wrong.</summary>
    Again = 1,

    /// <summary>Recalled with serious difficulty.</summary>
    Hard = 2,

    /// <summary>Recalled after some thought.</summary>
    Good = 3,

    /// <summary>Recalled at once.</summary>
    Easy = 4,
}
