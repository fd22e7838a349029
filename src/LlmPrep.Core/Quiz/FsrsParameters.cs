using System.Collections.ObjectModel;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// Settings of the FSRS-6 scheduler: the 21 model weights, the retention to aim for, the short
/// learning and relearning steps, and the longest interval. Defaults match py-fsrs 6.x.
/// </summary>
/// <remarks>Setting a property to an invalid value throws <see cref="ArgumentException"/>.</remarks>
public sealed record FsrsParameters
{
    /// <summary>The FSRS-6 default weights <c>w[0..20]</c>; <c>w[20]</c> is the forgetting-curve decay.</summary>
    public static IReadOnlyList<double> DefaultWeights { get; } = Array.AsReadOnly(
    [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]);

    // The ranges a trained weight may take (py-fsrs LOWER_BOUNDS_PARAMETERS / UPPER_BOUNDS_PARAMETERS).
    private static readonly double[] LowerBounds =
    [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ];

    private static readonly double[] UpperBounds =
    [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ];

    private static readonly IReadOnlyList<TimeSpan> DefaultLearningSteps =
        Array.AsReadOnly([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)]);

    private static readonly IReadOnlyList<TimeSpan> DefaultRelearningSteps =
        Array.AsReadOnly([TimeSpan.FromMinutes(10)]);

    /// <summary>The default settings.</summary>
    /// <remarks>Declared after the static defaults it reads: static initializers run in order.</remarks>
    public static FsrsParameters Default { get; } = new();

    /// <summary>The 21 model weights, each within the range FSRS-6 allows.</summary>
    public IReadOnlyList<double> Weights
    {
        get;
        init => field = ValidateWeights(value, nameof(Weights));
    } = DefaultWeights;

    /// <summary>The probability of recall to schedule reviews at, strictly between 0 and 1.</summary>
    public double DesiredRetention
    {
        get;
        init => field = value is > 0 and < 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DesiredRetention), value, "Desired retention must be between 0 and 1 (exclusive).");
    } = 0.9;

    /// <summary>The longest interval, in days, a Review card can be scheduled out.</summary>
    public int MaximumIntervalDays
    {
        get;
        init => field = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaximumIntervalDays), value, "The maximum interval must be at least one day.");
    } = 36500;

    /// <summary>Waits between reviews of a new card before it graduates to Review; empty to graduate at once.</summary>
    public IReadOnlyList<TimeSpan> LearningSteps
    {
        get;
        init => field = ValidateSteps(value, nameof(LearningSteps));
    } = DefaultLearningSteps;

    /// <summary>Waits between reviews of a forgotten card before it returns to Review; empty to stay in Review.</summary>
    public IReadOnlyList<TimeSpan> RelearningSteps
    {
        get;
        init => field = ValidateSteps(value, nameof(RelearningSteps));
    } = DefaultRelearningSteps;

    /// <summary>Whether to spread Review intervals by a few percent so cards learned together do not stay bunched.</summary>
    public bool EnableFuzzing { get; init; }

    /// <inheritdoc/>
    public bool Equals(FsrsParameters? other) =>
        other is not null
        && Weights.SequenceEqual(other.Weights)
        && DesiredRetention.Equals(other.DesiredRetention)
        && MaximumIntervalDays == other.MaximumIntervalDays
        && LearningSteps.SequenceEqual(other.LearningSteps)
        && RelearningSteps.SequenceEqual(other.RelearningSteps)
        && EnableFuzzing == other.EnableFuzzing;

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Weights[20], DesiredRetention, MaximumIntervalDays, LearningSteps.Count, RelearningSteps.Count, EnableFuzzing);

    private static ReadOnlyCollection<double> ValidateWeights(IReadOnlyList<double> weights, string name)
    {
        ArgumentNullException.ThrowIfNull(weights, name);
        if (weights.Count != LowerBounds.Length)
        {
            throw new ArgumentException($"Expected {LowerBounds.Length} weights, got {weights.Count}.", name);
        }

        for (var i = 0; i < weights.Count; i++)
        {
            if (!(weights[i] >= LowerBounds[i] && weights[i] <= UpperBounds[i]))
            {
                throw new ArgumentException($"Weight w[{i}] = {weights[i]} is outside [{LowerBounds[i]}, {UpperBounds[i]}].", name);
            }
        }

        return Array.AsReadOnly(weights.ToArray());
    }

    private static ReadOnlyCollection<TimeSpan> ValidateSteps(IReadOnlyList<TimeSpan> steps, string name)
    {
        ArgumentNullException.ThrowIfNull(steps, name);
        if (steps.Any(step => step <= TimeSpan.Zero))
        {
            throw new ArgumentException("Steps must be positive.", name);
        }

        return Array.AsReadOnly(steps.ToArray());
    }
}
