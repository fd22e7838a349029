using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// The FSRS-6 spaced-repetition scheduler: given a card's memory state and a rating, works out its
/// new stability, difficulty, state and due date. A port of the reference py-fsrs 6.x
/// <c>Scheduler</c>, including its learning and relearning steps.
/// </summary>
/// <param name="parameters">Weights, desired retention, steps and interval cap.</param>
public sealed class FsrsScheduler(FsrsParameters parameters)
{
    private const double MinStability = 0.001;
    private const double MinDifficulty = 1.0;
    private const double MaxDifficulty = 10.0;

    // (start, end, factor): how much an interval may be fuzzed, per stretch of its length in days.
    private static readonly (double Start, double End, double Factor)[] FuzzRanges =
        [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, double.PositiveInfinity, 0.05)];

    private readonly FsrsParameters _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
    private readonly double[] _w = [.. parameters.Weights];
    private readonly double _decay = -parameters.Weights[20];

    // Chosen so that retrievability is 90% after exactly `stability` days.
    private readonly double _factor = Math.Pow(0.9, 1 / -parameters.Weights[20]) - 1;

    /// <summary>A scheduler with the default parameters.</summary>
    public FsrsScheduler()
        : this(FsrsParameters.Default)
    {
    }

    /// <summary>The settings this scheduler was built with.</summary>
    public FsrsParameters Parameters => _parameters;

    /// <summary>Reviews <paramref name="card"/> with <paramref name="rating"/> at <paramref name="now"/> and returns its next state.</summary>
    public CardMemory Review(CardMemory card, Rating rating, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (!Enum.IsDefined(rating))
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "Unknown rating.");
        }

        if (!Enum.IsDefined(card.State))
        {
            throw new ArgumentException($"Unknown card state {card.State}.", nameof(card));
        }

        var step = Math.Max(0, card.Step);
        var (stability, difficulty) = NextMemory(card, rating, now);
        var (state, nextStep, interval) = card.State switch
        {
            CardState.New => NextStep(_parameters.LearningSteps, CardState.Learning, 0, rating, stability),
            CardState.Learning => NextStep(_parameters.LearningSteps, CardState.Learning, step, rating, stability),
            CardState.Relearning => NextStep(_parameters.RelearningSteps, CardState.Relearning, step, rating, stability),
            _ when rating == Rating.Again && _parameters.RelearningSteps.Count > 0 =>
                (CardState.Relearning, 0, _parameters.RelearningSteps[0]),
            _ => Graduate(stability), // Review: a pass, or a lapse with no relearning steps
        };

        if (_parameters.EnableFuzzing && state == CardState.Review)
        {
            interval = TimeSpan.FromDays(FuzzedIntervalDays(interval.Days, FuzzDraw(card, now)));
        }

        var lapsed = card.State == CardState.Review && rating == Rating.Again;
        return new CardMemory(state, stability, difficulty, now + interval, now, nextStep, card.Reps + 1, card.Lapses + (lapsed ? 1 : 0));
    }

    /// <summary>
    /// The probability that <paramref name="card"/> is recalled at <paramref name="now"/>,
    /// counting whole days since its last review; 0 for a card never reviewed.
    /// </summary>
    public double Retrievability(CardMemory card, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.State == CardState.New || card.LastReview is not { } lastReview)
        {
            return 0;
        }

        var elapsedDays = Math.Max(0, ElapsedDays(lastReview, now));
        return Math.Pow(1 + (_factor * elapsedDays / card.Stability), _decay);
    }

    /// <summary>
    /// Whole days until retrievability falls to the desired retention, rounded half to even and
    /// clamped to 1 .. <see cref="FsrsParameters.MaximumIntervalDays"/>.
    /// </summary>
    public int NextIntervalDays(double stability)
    {
        if (double.IsNaN(stability))
        {
            throw new ArgumentOutOfRangeException(nameof(stability), stability, "Stability must be a number.");
        }

        var days = stability / _factor * (Math.Pow(_parameters.DesiredRetention, 1 / _decay) - 1);
        return (int)Math.Clamp(Math.Round(days, MidpointRounding.ToEven), 1, _parameters.MaximumIntervalDays);
    }

    /// <summary>
    /// Spreads a Review interval of <paramref name="intervalDays"/> over the py-fsrs fuzz range;
    /// <paramref name="draw"/> in [0, 1) picks the point in it. Intervals under 2.5 days are kept.
    /// </summary>
    internal int FuzzedIntervalDays(int intervalDays, double draw)
    {
        if (intervalDays < 2.5)
        {
            return intervalDays;
        }

        var delta = 1.0;
        foreach (var (start, end, factor) in FuzzRanges)
        {
            delta += factor * Math.Max(Math.Min(intervalDays, end) - start, 0);
        }

        var max = Math.Min((int)Math.Round(intervalDays + delta, MidpointRounding.ToEven), _parameters.MaximumIntervalDays);
        var min = Math.Min(Math.Max(2, (int)Math.Round(intervalDays - delta, MidpointRounding.ToEven)), max);
        var fuzzed = (int)Math.Round((draw * (max - min + 1)) + min, MidpointRounding.ToEven);
        return Math.Min(fuzzed, _parameters.MaximumIntervalDays);
    }

    // A draw in [0, 1) seeded by the card and the review time, so a replayed review is scheduled the same.
    private static double FuzzDraw(CardMemory card, DateTimeOffset now)
    {
        var x = (ulong)now.UtcTicks
            ^ ((ulong)card.Reps * 0x9E3779B97F4A7C15UL)
            ^ (ulong)BitConverter.DoubleToInt64Bits(card.Stability);

        // SplitMix64 finaliser.
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    // Whole days from `from` to `to`, rounded down (Python's timedelta.days).
    private static long ElapsedDays(DateTimeOffset from, DateTimeOffset to)
    {
        var ticks = (to - from).Ticks;
        return ticks >= 0 ? ticks / TimeSpan.TicksPerDay : ((ticks + 1) / TimeSpan.TicksPerDay) - 1;
    }

    private (double Stability, double Difficulty) NextMemory(CardMemory card, Rating rating, DateTimeOffset now)
    {
        if (card.State == CardState.New)
        {
            return (InitialStability(rating), ClampDifficulty(InitialDifficulty(rating)));
        }

        var stability = card.LastReview is { } lastReview && ElapsedDays(lastReview, now) < 1
            ? ShortTermStability(card.Stability, rating)
            : NextStability(card.Difficulty, card.Stability, Retrievability(card, now), rating);
        return (stability, NextDifficulty(card.Difficulty, rating));
    }

    private (CardState State, int Step, TimeSpan Interval) NextStep(
        IReadOnlyList<TimeSpan> steps, CardState state, int step, Rating rating, double stability)
    {
        // A card may be past the last step if it was scheduled with more steps than there are now.
        if (steps.Count == 0 || (step >= steps.Count && rating != Rating.Again))
        {
            return Graduate(stability);
        }

        return rating switch
        {
            Rating.Again => (state, 0, steps[0]),
            Rating.Hard when step == 0 && steps.Count == 1 => (state, 0, steps[0] * 1.5),
            Rating.Hard when step == 0 => (state, 0, (steps[0] + steps[1]) / 2),
            Rating.Hard => (state, step, steps[step]),
            Rating.Good when step + 1 < steps.Count => (state, step + 1, steps[step + 1]),
            _ => Graduate(stability),
        };
    }

    private (CardState State, int Step, TimeSpan Interval) Graduate(double stability) =>
        (CardState.Review, 0, TimeSpan.FromDays(NextIntervalDays(stability)));

    private double InitialStability(Rating rating) => Math.Max(_w[(int)rating - 1], MinStability);

    private double InitialDifficulty(Rating rating) => _w[4] - Math.Exp(_w[5] * ((int)rating - 1)) + 1;

    private static double ClampDifficulty(double difficulty) => Math.Clamp(difficulty, MinDifficulty, MaxDifficulty);

    // Same-day reviews: stability moves by a factor that depends only on the rating and current stability.
    private double ShortTermStability(double stability, Rating rating)
    {
        var increase = Math.Exp(_w[17] * ((int)rating - 3 + _w[18])) * Math.Pow(stability, -_w[19]);
        if (rating >= Rating.Good)
        {
            increase = Math.Max(increase, 1.0);
        }

        return Math.Max(stability * increase, MinStability);
    }

    // Linear damping toward 10, then mean reversion toward the initial difficulty of an Easy rating.
    private double NextDifficulty(double difficulty, Rating rating)
    {
        var delta = -_w[6] * ((int)rating - 3);
        var damped = difficulty + ((10.0 - difficulty) * delta / 9.0);
        var reverted = (_w[7] * InitialDifficulty(Rating.Easy)) + ((1 - _w[7]) * damped);
        return ClampDifficulty(reverted);
    }

    private double NextStability(double difficulty, double stability, double retrievability, Rating rating)
    {
        var next = rating == Rating.Again
            ? ForgetStability(difficulty, stability, retrievability)
            : RecallStability(difficulty, stability, retrievability, rating);
        return Math.Max(next, MinStability);
    }

    private double ForgetStability(double difficulty, double stability, double retrievability)
    {
        var longTerm = _w[11]
            * Math.Pow(difficulty, -_w[12])
            * (Math.Pow(stability + 1, _w[13]) - 1)
            * Math.Exp((1 - retrievability) * _w[14]);
        var shortTerm = stability / Math.Exp(_w[17] * _w[18]);
        return Math.Min(longTerm, shortTerm);
    }

    private double RecallStability(double difficulty, double stability, double retrievability, Rating rating)
    {
        var hardPenalty = rating == Rating.Hard ? _w[15] : 1;
        var easyBonus = rating == Rating.Easy ? _w[16] : 1;
        return stability * (1
            + (Math.Exp(_w[8])
                * (11 - difficulty)
                * Math.Pow(stability, -_w[9])
                * (Math.Exp((1 - retrievability) * _w[10]) - 1)
                * hardPenalty
                * easyBonus));
    }
}
