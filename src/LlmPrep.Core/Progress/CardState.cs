namespace LlmPrep.Core.Progress;

/// <summary>Where a card is in the FSRS learning cycle.</summary>
public enum CardState
{
    /// <summary>Never reviewed.</summary>
    New = 0,

    /// <summary>Being learned through the short learning steps.</summary>
    Learning = 1,

    /// <summary>Graduated: scheduled in whole days from its stability.</summary>
    Review = 2,

    /// <summary>Forgotten during review and being relearned through the relearning steps.</summary>
    Relearning = 3,
}
