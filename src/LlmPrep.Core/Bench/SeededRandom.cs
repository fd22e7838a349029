namespace LlmPrep.Core.Bench;

/// <summary>
/// SplitMix64: a small pseudo-random generator whose sequence is fixed by its seed on every platform and runtime
/// version (unlike <see cref="Random"/>, whose seeded sequence is not promised to stay the same).
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>A generator for one item of a seeded whole: the same (seed, stream, item) always gives the same sequence.</summary>
    public static SeededRandom For(int seed, int stream, int item) =>
        new(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream * 0xD1B54A32D192ED03UL) ^ ((ulong)(uint)item * 0x9E3779B97F4A7C15UL));

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A whole number from 0 to <paramref name="count"/> − 1.</summary>
    public int Below(int count) => (int)(Next() % (ulong)count);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    public bool Chance(int percent) => Below(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
}
