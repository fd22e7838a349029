namespace LlmPrep.Core.Quiz;

/// <summary>What an answer did with one key point of a card, as every judge reports it.</summary>
public enum KeyPointStatus
{
    /// <summary>Stated correctly, in any words.</summary>
    Covered,

    /// <summary>Touched on, but incomplete or vague.</summary>
    Partly,

    /// <summary>Not in the answer.</summary>
    Missed,

    /// <summary>The answer says the opposite, or gives a wrong definition.</summary>
    Contradicted,
}
