using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;

namespace LlmPrep.Core.Quiz;

/// <summary>What readiness is made of: a card's recall today and a note's weight by priority (must 3, good 2, nice 1).</summary>
public static class CardRecall
{
    /// <summary>Recall probability today; cards still in (re)learning steps count half, unstudied cards nothing.</summary>
    public static double Of(FsrsScheduler scheduler, CardMemory? memory, DateTimeOffset now) => memory is null
        ? 0
        : scheduler.Retrievability(memory, now) * (memory.State == CardState.Review ? 1 : 0.5);

    public static int Weight(NotePriority priority) => priority switch { NotePriority.Must => 3, NotePriority.Good => 2, _ => 1 };

    public static int Percent(double value) => (int)Math.Round(value * 100, MidpointRounding.AwayFromZero);
}
