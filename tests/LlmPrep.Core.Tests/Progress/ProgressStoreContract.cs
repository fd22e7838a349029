using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Core.Tests.Support;

namespace LlmPrep.Core.Tests.Progress;

/// <summary>
/// What every progress store guarantees, run against each implementation (SQLite and PostgreSQL). An "instance" is one
/// opened database, as one LlmPrep process holds; several instances over one storage stand for several processes.
/// </summary>
public abstract class ProgressStoreContract : IDisposable
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FsrsScheduler _fsrs = new();
    private readonly List<IProgressDatabase> _instances = [];

    /// <summary>Opens the storage under test once more, as another process would (its own connections).</summary>
    protected abstract IProgressDatabase OpenInstance();

    /// <summary>The stored schema and its version record, to compare before and after an open.</summary>
    protected abstract string SchemaFingerprint();

    /// <summary>Releases the storage itself, after every instance is closed.</summary>
    protected abstract void DeleteStorage();

    protected IProgressDatabase Open()
    {
        var instance = OpenInstance();
        lock (_instances)
        {
            _instances.Add(instance);
        }

        return instance;
    }

    [ContractFact]
    public void Records_a_review_and_reads_back_every_field_from_another_instance()
    {
        using var store = Open().ForUser("local");
        var full = Review("note/q1", Rating.Hard, T0) with { Verdict = "covered: a\nmissed: b", Provisional = true, Missed = ["b", "c"] };
        var bare = Review("note/q2", Rating.Again, T0.AddMinutes(1)) with { Score = null, Answer = null, Missed = [], Verdict = null };

        var first = store.Record(full);
        var second = store.Record(bare);

        using var other = Open().ForUser("local");
        AssertStored(full, first.Id, other.Review(first.Id));
        AssertStored(bare, second.Id, other.Review(second.Id));
        AssertStored(full, first.Id, other.LastReview("note/q1"));
        Assert.Equal(full.After, other.Memory("note/q1"));
        Assert.Equal(bare.After, other.Memories()["note/q2"]);
        Assert.True(second.Id > first.Id);
        Assert.Null(other.Review(second.Id + 1000));
        Assert.Null(other.Memory("note/never"));
    }

    [ContractFact]
    public void Amending_replaces_rating_and_memory_ends_provisional_and_adds_no_review()
    {
        using var store = Open().ForUser("local");
        var recorded = store.Record(Review("note/q1", Rating.Again, T0) with { Provisional = true, Verdict = "first" });
        var replayed = _fsrs.Review(recorded.Before, Rating.Good, recorded.ReviewedAt);

        var amended = store.Amend(recorded.Id, Rating.Good, 0.9, "assistant", replayed, T0.AddMinutes(1), ["only this"], "second");

        Assert.Equal(recorded.Id, amended.Id);
        Assert.Equal(Rating.Good, amended.Rating);
        Assert.Equal(0.9, amended.Score);
        Assert.Equal("assistant", amended.Grader);
        Assert.Equal(T0.AddMinutes(1), amended.AmendedAt);
        Assert.False(amended.Provisional);
        Assert.Equal(["only this"], amended.Missed);
        Assert.Equal("second", amended.Verdict);
        Assert.Equal(recorded.Before, amended.Before);
        Assert.Equal(replayed, amended.After);
        Assert.Equal(replayed, store.Memory("note/q1"));
        Assert.Single(store.RecentReviews(10));
        Assert.Equal(recorded.Answer, amended.Answer);
    }

    [ContractFact]
    public void Amending_without_missed_or_verdict_keeps_the_stored_ones()
    {
        using var store = Open().ForUser("local");
        var recorded = store.Record(Review("note/q1", Rating.Again, T0) with { Verdict = "kept" });

        var amended = store.Amend(recorded.Id, Rating.Easy, null, "self", recorded.After, T0.AddMinutes(1));

        Assert.Equal(["missed point"], amended.Missed);
        Assert.Equal("kept", amended.Verdict);
        Assert.Null(amended.Score);
    }

    [ContractFact]
    public void Amending_an_unknown_review_is_refused_and_changes_nothing()
    {
        using var store = Open().ForUser("local");
        var recorded = store.Record(Review("note/q1", Rating.Good, T0));

        Assert.Throws<ArgumentException>(() => store.Amend(recorded.Id + 1000, Rating.Again, 0, "self", CardMemory.New(T0), T0));

        Assert.Equal(recorded.After, store.Memory("note/q1"));
        AssertStored(Review("note/q1", Rating.Good, T0), recorded.Id, store.Review(recorded.Id));
    }

    [ContractFact]
    public void A_decision_to_add_nothing_writes_nothing_and_returns_the_last_review()
    {
        using var store = Open().ForUser("local");
        var recorded = store.Record(Review("note/q1", Rating.Good, T0));
        CardHistory? seen = null;

        var again = store.Record("note/q1", history =>
        {
            seen = history;
            return null;
        });

        Assert.False(again.Added);
        Assert.Equal(recorded.Id, again.Review.Id);
        Assert.Equal(recorded.After, seen!.Memory);
        Assert.Equal(recorded.Id, seen.Last!.Id);
        Assert.Single(store.RecentReviews(10));
    }

    [ContractFact]
    public void A_review_for_another_card_is_refused_and_nothing_is_written()
    {
        using var store = Open().ForUser("local");

        Assert.Throws<ArgumentException>(() => store.Record("note/q1", _ => Review("note/q2", Rating.Good, T0)));
        Assert.Throws<InvalidOperationException>(() => store.Record("note/q1", _ => null));

        Assert.Empty(store.RecentReviews(10));
        Assert.Empty(store.Memories());
    }

    [ContractFact]
    public void Lists_recent_and_failed_reviews_newest_first_and_times_oldest_first()
    {
        using var store = Open().ForUser("local");
        store.Record(Review("a/1", Rating.Again, T0.AddMinutes(5)));
        store.Record(Review("a/2", Rating.Good, T0.AddMinutes(1)));
        store.Record(Review("a/3", Rating.Again, T0.AddMinutes(3)));

        Assert.Equal(["a/3", "a/2", "a/1"], store.RecentReviews(10).Select(r => r.CardId));
        Assert.Equal(["a/3", "a/2"], store.RecentReviews(2).Select(r => r.CardId));
        Assert.Empty(store.RecentReviews(0));
        Assert.Equal(3, store.RecentReviews(-1).Count);
        Assert.Equal(["a/3", "a/1"], store.RecentReviews(10, failedOnly: true).Select(r => r.CardId));
        Assert.Equal([T0.AddMinutes(1), T0.AddMinutes(3), T0.AddMinutes(5)], store.ReviewTimes());
        Assert.Equal(3, store.Memories().Count);
    }

    [ContractFact]
    public void Parallel_answers_to_one_card_from_two_instances_chain_their_states()
    {
        const int Answers = 20;
        IProgressStore[] stores = [Open().ForUser("local"), Open().ForUser("local")];
        using var start = new Barrier(Answers);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();

        var threads = Enumerable.Range(0, Answers).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                stores[i % 2].Record("deck/card", history =>
                {
                    var before = history.Memory ?? CardMemory.New(T0);
                    var at = (history.Last?.ReviewedAt ?? T0).AddMinutes(10);
                    return Review("deck/card", Rating.Good, at, before);
                });
            }
            catch (Exception ex)
            {
                errors.Enqueue(ex);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(errors);
        var reviews = stores[0].RecentReviews(100).Reverse().ToList();
        Assert.Equal(Answers, reviews.Count);
        Assert.Equal(CardMemory.New(T0), reviews[0].Before);
        for (var i = 1; i < reviews.Count; i++)
        {
            Assert.Equal(reviews[i - 1].After, reviews[i].Before);
            Assert.Equal(i + 1, reviews[i].After.Reps);
        }

        Assert.Equal(reviews[^1].After, stores[1].Memory("deck/card"));
        Assert.Equal(Answers, stores[1].Memory("deck/card")!.Reps);
        foreach (var store in stores)
        {
            store.Dispose();
        }
    }

    [ContractFact]
    public void Instances_creating_the_store_together_all_succeed()
    {
        const int Instances = 6;
        using var start = new Barrier(Instances);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();

        var threads = Enumerable.Range(0, Instances).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                using var store = Open().ForUser($"user{i}");
                store.Record(Review($"note/q{i}", Rating.Good, T0));
            }
            catch (Exception ex)
            {
                errors.Enqueue(ex);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(errors);
        var database = Open();
        for (var i = 0; i < Instances; i++)
        {
            using var store = database.ForUser($"user{i}");
            Assert.Equal([$"note/q{i}"], store.RecentReviews(10).Select(r => r.CardId));
        }
    }

    [ContractFact]
    public void Each_user_sees_only_their_own_history()
    {
        var database = Open();
        using var alice = database.ForUser("alice");
        using var bob = database.ForUser("bob");
        var hers = alice.Record(Review("note/q1", Rating.Good, T0));

        Assert.Empty(bob.RecentReviews(10));
        Assert.Empty(bob.RecentReviews(10, failedOnly: true));
        Assert.Empty(bob.ReviewTimes());
        Assert.Empty(bob.Memories());
        Assert.Null(bob.Memory("note/q1"));
        Assert.Null(bob.LastReview("note/q1"));
        Assert.Null(bob.Review(hers.Id));
        Assert.Throws<ArgumentException>(() => bob.Amend(hers.Id, Rating.Again, 0, "self", CardMemory.New(T0), T0));

        var his = bob.Record("note/q1", history =>
        {
            Assert.Null(history.Memory);
            Assert.Null(history.Last);
            return Review("note/q1", Rating.Again, T0);
        }).Review;

        Assert.Equal(CardMemory.New(T0), his.Before);
        Assert.Equal(Rating.Good, alice.Review(hers.Id)!.Rating);
        Assert.Null(alice.Review(his.Id));
        Assert.Equal(hers.After, alice.Memory("note/q1"));
        Assert.Single(alice.RecentReviews(10));
        Assert.Equal("alice", alice.UserId);
    }

    [ContractFact]
    public void Opening_a_store_of_the_current_version_changes_nothing()
    {
        using (var store = Open().ForUser("local"))
        {
            store.Record(Review("note/q1", Rating.Good, T0));
        }

        var before = SchemaFingerprint();

        using var reopened = Open().ForUser("local");

        Assert.Equal(before, SchemaFingerprint());
        Assert.Single(reopened.RecentReviews(10));
        Assert.Equal(1, reopened.Memory("note/q1")!.Reps);
    }

    protected NewReview Review(string cardId, Rating rating, DateTimeOffset at, CardMemory? before = null)
    {
        before ??= CardMemory.New(at);
        return new NewReview(cardId, cardId.Split('/')[0], at, rating, 0.5, "key_points", "my answer", ["missed point"], before, _fsrs.Review(before, rating, at));
    }

    private static void AssertStored(NewReview expected, long id, ReviewRecord? stored)
    {
        Assert.NotNull(stored);
        Assert.Equal(id, stored!.Id);
        Assert.Equal(expected.CardId, stored.CardId);
        Assert.Equal(expected.NoteId, stored.NoteId);
        Assert.Equal(expected.ReviewedAt, stored.ReviewedAt);
        Assert.Equal(expected.Rating, stored.Rating);
        Assert.Equal(expected.Score, stored.Score);
        Assert.Equal(expected.Grader, stored.Grader);
        Assert.Equal(expected.Answer, stored.Answer);
        Assert.Equal(expected.Missed, stored.Missed);
        Assert.Equal(expected.Before, stored.Before);
        Assert.Equal(expected.After, stored.After);
        Assert.Null(stored.AmendedAt);
        Assert.Equal(expected.Verdict, stored.Verdict);
        Assert.Equal(expected.Provisional, stored.Provisional);
    }

    public void Dispose()
    {
        lock (_instances)
        {
            foreach (var instance in _instances)
            {
                instance.Dispose();
            }
        }

        DeleteStorage();
        GC.SuppressFinalize(this);
    }
}
