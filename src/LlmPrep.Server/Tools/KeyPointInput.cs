using System.ComponentModel;

namespace LlmPrep.Server.Tools;

/// <summary>quiz_rate's verdict on one key point.</summary>
/// <param name="Index">The key point's number, 1 for the first in key_points.</param>
/// <param name="Status">covered, partly, missed or contradicted.</param>
/// <param name="Evidence">Optional: the words of the answer the verdict rests on.</param>
public sealed record KeyPointInput(
    [property: Description("The key point's number: 1 for the first entry of quiz_answer's key_points.")] int Index,
    [property: Description("covered (stated correctly, in any words), partly (incomplete or vague), missed, or contradicted (states the opposite or a wrong definition).")] KeyPointStatusName Status,
    [property: Description("Optional: the words of the answer this rests on.")] string? Evidence = null);
