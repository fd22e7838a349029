using LlmPrep.Core.Corpus;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Tests.Support;
using Xunit;

namespace LlmPrep.Core.Tests.Corpus;

public class SnapshotCacheTests
{
    private static readonly CorpusSnapshot Corpus = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);

    [Fact]
    public async Task Callers_asking_at_the_same_moment_share_one_build()
    {
        var builds = 0;
        using var gate = new ManualResetEventSlim();
        var cache = new SnapshotCache<object>(_ =>
        {
            Interlocked.Increment(ref builds);
            gate.Wait(TimeSpan.FromSeconds(30));
            return new object();
        });

        var callers = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() => cache.For(Corpus), TaskCreationOptions.LongRunning)).ToArray();
        SpinWait.SpinUntil(() => Volatile.Read(ref builds) > 0, TimeSpan.FromSeconds(30));
        await Task.Delay(200); // let the other callers reach the cache while the first build is held
        gate.Set();
        var values = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, builds);
        Assert.Single(values.Distinct());
    }

    [Fact]
    public void A_build_started_in_the_background_is_the_one_callers_get()
    {
        var builds = 0;
        var cache = new SnapshotCache<object>(_ =>
        {
            Interlocked.Increment(ref builds);
            return new object();
        });

        for (var i = 0; i < 5; i++)
        {
            cache.BuildInBackground(Corpus);
        }

        Assert.True(SpinWait.SpinUntil(() => cache.IsBuilt(Corpus), TimeSpan.FromSeconds(60)));
        var value = cache.For(Corpus);
        cache.BuildInBackground(Corpus);
        Assert.Same(value, cache.For(Corpus));
        Assert.Equal(1, Volatile.Read(ref builds));
    }

    [Fact]
    public void A_background_build_that_fails_is_built_again_by_the_next_caller()
    {
        var attempts = 0;
        var cache = new SnapshotCache<object>(_ => Interlocked.Increment(ref attempts) == 1 ? throw new InvalidDataException("a broken note") : new object());

        cache.BuildInBackground(Corpus);
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref attempts) == 1, TimeSpan.FromSeconds(60)));

        Assert.NotNull(cache.For(Corpus));
        Assert.Equal(2, Volatile.Read(ref attempts));
    }

    [Fact]
    public void Each_snapshot_gets_its_own_value()
    {
        var other = CorpusLoader.Load([new CorpusRoot("bundled", RepoPaths.Corpus)]);

        Assert.Same(KeyPointGrader.For(Corpus), KeyPointGrader.For(Corpus));
        Assert.NotSame(KeyPointGrader.For(Corpus), KeyPointGrader.For(other));
    }
}
