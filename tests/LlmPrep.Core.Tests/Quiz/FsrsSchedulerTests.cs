using System.Globalization;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Core.Tests.Quiz;

// Expected values below were printed by the reference implementation, py-fsrs 6.3.1
// (github.com/open-spaced-repetition/py-fsrs, commit 3abe686e9c058d3f3c00bbeb92e68b71211b2b31),
// running Scheduler(enable_fuzzing=False, ...).review_card on a fresh Card at the same timestamps.
// py-fsrs has no New state and leaves step as None in Review; here those are CardState.New and step 0.
public class FsrsSchedulerTests
{
    private const double Tolerance = 1e-9;

    private static readonly DateTimeOffset T0 = At("2025-01-06T09:00:00Z");

    private static readonly FsrsScheduler Default = new(FsrsParameters.Default);

    [Fact]
    public void Good_chain_with_lapses_matches_reference()
    {
        var reviews = Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Good, CardState.Learning, 1, 2.3065, 2.118103970459016, "2025-01-06T09:10:00Z"),
            new("2025-01-06T09:10:00Z", Rating.Good, CardState.Review, 0, 2.3065, 2.111214235785395, "2025-01-08T09:10:00Z"),
            new("2025-01-08T09:10:00Z", Rating.Good, CardState.Review, 0, 10.971048263078135, 2.1043313908464483, "2025-01-19T09:10:00Z"),
            new("2025-01-19T09:10:00Z", Rating.Good, CardState.Review, 0, 46.316858440073425, 2.0974554287524403, "2025-03-06T09:10:00Z"),
            new("2025-03-06T09:10:00Z", Rating.Good, CardState.Review, 0, 162.99981577472244, 2.0905863426205262, "2025-08-16T09:10:00Z"),
            new("2025-08-16T09:10:00Z", Rating.Good, CardState.Review, 0, 497.8765551245907, 2.083724125574744, "2026-12-27T09:10:00Z"),
            new("2026-12-27T09:10:00Z", Rating.Again, CardState.Relearning, 0, 6.890412507565338, 7.383202320049203, "2026-12-27T09:20:00Z"),
            new("2026-12-27T09:20:00Z", Rating.Again, CardState.Relearning, 0, 2.154598374301973, 9.125104766121234, "2026-12-27T09:30:00Z"),
            new("2026-12-27T09:30:00Z", Rating.Good, CardState.Review, 0, 2.154598374301973, 9.11120803065195, "2026-12-29T09:30:00Z"),
            new("2026-12-29T09:30:00Z", Rating.Good, CardState.Review, 0, 3.9831233795187773, 9.097325191918136, "2027-01-02T09:30:00Z"),
            new("2027-01-02T09:30:00Z", Rating.Good, CardState.Review, 0, 7.236254476883319, 9.083456236023055, "2027-01-09T09:30:00Z"),
            new("2027-01-09T09:30:00Z", Rating.Good, CardState.Review, 0, 12.483043578674472, 9.06960114908387, "2027-01-21T09:30:00Z"),
            new("2027-01-21T09:30:00Z", Rating.Good, CardState.Review, 0, 20.77035728499242, 9.055759917231622, "2027-02-11T09:30:00Z"),
        ]);

        // py-fsrs test_review_card asserts the same interval history for these ratings.
        int[] expectedDays = [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21];
        Assert.Equal(expectedDays, reviews.Select(c => (c.Due - c.LastReview!.Value).Days));
    }

    [Theory]
    [InlineData(Rating.Again, CardState.Learning, 0, 0.212, 6.4133, 1)]
    [InlineData(Rating.Hard, CardState.Learning, 0, 1.2931, 5.112170705601056, 5.5)]
    [InlineData(Rating.Good, CardState.Learning, 1, 2.3065, 2.118103970459016, 10)]
    [InlineData(Rating.Easy, CardState.Review, 0, 8.2956, 1.0, 8 * 24 * 60)]
    public void First_review_sets_initial_stability_and_difficulty(
        Rating rating, CardState state, int step, double stability, double difficulty, double dueMinutes)
    {
        var card = Default.Review(CardMemory.New(T0), rating, T0);

        Assert.Equal((state, step, T0.AddMinutes(dueMinutes), T0), (card.State, card.Step, card.Due, card.LastReview));
        Assert.Equal(stability, card.Stability, Tolerance);
        Assert.Equal(difficulty, card.Difficulty, Tolerance);
    }

    [Fact]
    public void Hard_and_easy_through_learning_and_relearning_match_reference()
    {
        Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Hard, CardState.Learning, 0, 1.2931, 5.112170705601056, "2025-01-06T09:05:30Z"),
            new("2025-01-06T09:05:30Z", Rating.Hard, CardState.Learning, 0, 0.7765494494075704, 6.7404595108297, "2025-01-06T09:11:00Z"),
            new("2025-01-06T09:11:00Z", Rating.Good, CardState.Learning, 1, 0.8296275051643506, 6.728947420615708, "2025-01-06T09:21:00Z"),
            new("2025-01-06T09:21:00Z", Rating.Hard, CardState.Learning, 1, 0.5129830656940964, 7.813751236051346, "2025-01-06T09:31:00Z"),
            new("2025-01-06T09:31:00Z", Rating.Easy, CardState.Review, 0, 0.9688803758590773, 7.068437147628945, "2025-01-07T09:31:00Z"),
            new("2025-01-07T09:31:00Z", Rating.Again, CardState.Relearning, 0, 0.30353977715178015, 9.021643594349868, "2025-01-07T09:41:00Z"),
            new("2025-01-07T09:41:00Z", Rating.Hard, CardState.Relearning, 0, 0.20052485967703204, 9.335749795817778, "2025-01-07T09:56:00Z"),
            new("2025-01-07T09:56:00Z", Rating.Easy, CardState.Review, 0, 0.40288162707768455, 9.099016700936431, "2025-01-08T09:56:00Z"),
            new("2025-01-08T09:56:00Z", Rating.Good, CardState.Review, 0, 1.2595291756927938, 9.085146053532332, "2025-01-09T09:56:00Z"),
        ]);
    }

    [Fact]
    public void Again_and_hard_in_learning_and_relearning_match_reference()
    {
        Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Again, CardState.Learning, 0, 0.212, 6.4133, "2025-01-06T09:01:00Z"),
            new("2025-01-06T09:01:00Z", Rating.Hard, CardState.Learning, 0, 0.14339874769184835, 7.604209769076838, "2025-01-06T09:06:30Z"),
            new("2025-01-06T09:06:30Z", Rating.Hard, CardState.Learning, 0, 0.09952382785967677, 8.39479117018528, "2025-01-06T09:12:00Z"),
            new("2025-01-06T09:12:00Z", Rating.Good, CardState.Learning, 1, 0.12171682743155815, 8.381624748311934, "2025-01-06T09:22:00Z"),
            new("2025-01-06T09:22:00Z", Rating.Good, CardState.Review, 0, 0.1468999698362931, 8.36847149286046, "2025-01-07T09:22:00Z"),
            new("2025-01-07T09:22:00Z", Rating.Again, CardState.Relearning, 0, 0.07451097498351204, 9.44895604339392, "2025-01-07T09:32:00Z"),
            new("2025-01-07T09:32:00Z", Rating.Hard, CardState.Relearning, 0, 0.053989654886217354, 9.619419712253343, "2025-01-07T09:47:00Z"),
            new("2025-01-07T09:47:00Z", Rating.Hard, CardState.Relearning, 0, 0.03995829183694571, 9.732581439249198, "2025-01-07T10:02:00Z"),
            new("2025-01-07T10:02:00Z", Rating.Good, CardState.Review, 0, 0.05189294679551424, 9.718077227106788, "2025-01-08T10:02:00Z"),
        ]);
    }

    [Fact]
    public void Long_overdue_good_review_matches_reference()
    {
        Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Good, CardState.Learning, 1, 2.3065, 2.118103970459016, "2025-01-06T09:10:00Z"),
            new("2025-01-06T09:10:00Z", Rating.Good, CardState.Review, 0, 2.3065, 2.111214235785395, "2025-01-08T09:10:00Z"),
            new("2026-02-10T09:10:00Z", Rating.Good, CardState.Review, 0, 65.65392116754259, 2.1043313908464483, "2026-04-17T09:10:00Z"),
            new("2026-04-17T09:10:00Z", Rating.Good, CardState.Review, 0, 222.94833774858157, 2.0974554287524403, "2026-11-26T09:10:00Z"),
        ]);
    }

    [Fact]
    public void Long_overdue_lapse_matches_reference()
    {
        Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Good, CardState.Learning, 1, 2.3065, 2.118103970459016, "2025-01-06T09:10:00Z"),
            new("2025-01-06T09:10:00Z", Rating.Good, CardState.Review, 0, 2.3065, 2.111214235785395, "2025-01-08T09:10:00Z"),
            new("2025-01-08T09:10:00Z", Rating.Good, CardState.Review, 0, 10.971048263078135, 2.1043313908464483, "2025-01-19T09:10:00Z"),
            new("2027-06-27T09:10:00Z", Rating.Again, CardState.Relearning, 0, 2.938617909975669, 7.389975788014609, "2027-06-27T09:20:00Z"),
            new("2027-06-27T09:20:00Z", Rating.Good, CardState.Review, 0, 2.938617909975669, 7.377814181523433, "2027-06-30T09:20:00Z"),
        ]);
    }

    [Fact]
    public void Same_day_reviews_use_short_term_stability()
    {
        Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Easy, CardState.Review, 0, 8.2956, 1.0, "2025-01-14T09:00:00Z"),
            new("2025-01-06T12:00:00Z", Rating.Good, CardState.Review, 0, 8.2956, 1.0, "2025-01-14T12:00:00Z"),
            new("2025-01-06T17:00:00Z", Rating.Again, CardState.Relearning, 0, 2.5625081682260777, 7.0269895692968385, "2025-01-06T17:10:00Z"),
            new("2025-01-06T17:30:00Z", Rating.Easy, CardState.Review, 0, 4.353785159077589, 6.018776394938751, "2025-01-10T17:30:00Z"),
            new("2025-01-10T17:30:00Z", Rating.Good, CardState.Review, 0, 12.955864097503918, 6.007985987840651, "2025-01-23T17:30:00Z"),
        ]);
    }

    [Fact]
    public void Review_just_under_a_day_later_counts_as_same_day()
    {
        Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Easy, CardState.Review, 0, 8.2956, 1.0, "2025-01-14T09:00:00Z"),
            new("2025-01-07T08:59:59Z", Rating.Good, CardState.Review, 0, 8.2956, 1.0, "2025-01-15T08:59:59Z"),
            new("2025-01-15T08:59:59Z", Rating.Good, CardState.Review, 0, 38.90514998232684, 1.0, "2025-02-23T08:59:59Z"),
        ]);
    }

    [Fact]
    public void Early_review_uses_elapsed_days_not_the_due_date()
    {
        Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Good, CardState.Learning, 1, 2.3065, 2.118103970459016, "2025-01-06T09:10:00Z"),
            new("2025-01-06T09:10:00Z", Rating.Good, CardState.Review, 0, 2.3065, 2.111214235785395, "2025-01-08T09:10:00Z"),
            new("2025-01-08T09:10:00Z", Rating.Good, CardState.Review, 0, 10.971048263078135, 2.1043313908464483, "2025-01-19T09:10:00Z"),
            new("2025-01-10T09:10:00Z", Rating.Hard, CardState.Review, 0, 16.12543348725167, 4.743715608383524, "2025-01-26T09:10:00Z"),
            new("2025-01-26T09:10:00Z", Rating.Good, CardState.Review, 0, 50.137196927041934, 4.734200262071979, "2025-03-17T09:10:00Z"),
        ]);
    }

    [Fact]
    public void Learning_card_reviewed_days_later_uses_long_term_stability()
    {
        Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Good, CardState.Learning, 1, 2.3065, 2.118103970459016, "2025-01-06T09:10:00Z"),
            new("2025-01-09T09:00:00Z", Rating.Good, CardState.Review, 0, 13.826903694354568, 2.111214235785395, "2025-01-23T09:00:00Z"),
            new("2025-01-23T09:00:00Z", Rating.Good, CardState.Review, 0, 56.95670977020305, 2.1043313908464483, "2025-03-21T09:00:00Z"),
        ]);
    }

    [Fact]
    public void Relearning_card_reviewed_days_later_uses_long_term_stability()
    {
        Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Easy, CardState.Review, 0, 8.2956, 1.0, "2025-01-14T09:00:00Z"),
            new("2025-01-14T09:00:00Z", Rating.Again, CardState.Relearning, 0, 1.3886324609821161, 7.0269895692968385, "2025-01-14T09:10:00Z"),
            new("2025-01-16T09:00:00Z", Rating.Good, CardState.Review, 0, 5.000368606023865, 7.0151909490243805, "2025-01-21T09:00:00Z"),
            new("2025-01-21T09:00:00Z", Rating.Good, CardState.Review, 0, 13.21015171718417, 7.003404127372194, "2025-02-03T09:00:00Z"),
        ]);
    }

    [Fact]
    public void Desired_retention_0_8_matches_reference()
    {
        Replay(new FsrsScheduler(new FsrsParameters { DesiredRetention = 0.8 }),
        [
            new("2025-01-06T09:00:00Z", Rating.Good, CardState.Learning, 1, 2.3065, 2.118103970459016, "2025-01-06T09:10:00Z"),
            new("2025-01-06T09:10:00Z", Rating.Good, CardState.Review, 0, 2.3065, 2.111214235785395, "2025-01-14T09:10:00Z"),
            new("2025-01-14T09:10:00Z", Rating.Good, CardState.Review, 0, 22.784052475942136, 2.1043313908464483, "2025-03-31T09:10:00Z"),
            new("2025-03-31T09:10:00Z", Rating.Good, CardState.Review, 0, 158.3022479501867, 2.0974554287524403, "2026-09-07T09:10:00Z"),
            new("2026-09-07T09:10:00Z", Rating.Good, CardState.Review, 0, 838.5331867580056, 2.0905863426205262, "2034-04-19T09:10:00Z"),
            new("2034-04-19T09:10:00Z", Rating.Again, CardState.Relearning, 0, 9.603795748284066, 7.385457884129076, "2034-04-19T09:20:00Z"),
            new("2034-04-19T09:20:00Z", Rating.Good, CardState.Review, 0, 9.603795748284066, 7.373300795541786, "2034-05-21T09:20:00Z"),
            new("2034-05-21T09:20:00Z", Rating.Good, CardState.Review, 0, 36.48239242999079, 7.3611558640430825, "2034-09-19T09:20:00Z"),
        ]);
    }

    [Fact]
    public void Desired_retention_0_95_matches_reference()
    {
        Replay(new FsrsScheduler(new FsrsParameters { DesiredRetention = 0.95 }),
        [
            new("2025-01-06T09:00:00Z", Rating.Good, CardState.Learning, 1, 2.3065, 2.118103970459016, "2025-01-06T09:10:00Z"),
            new("2025-01-06T09:10:00Z", Rating.Good, CardState.Review, 0, 2.3065, 2.111214235785395, "2025-01-07T09:10:00Z"),
            new("2025-01-07T09:10:00Z", Rating.Good, CardState.Review, 0, 7.319186097840142, 2.1043313908464483, "2025-01-10T09:10:00Z"),
            new("2025-01-10T09:10:00Z", Rating.Good, CardState.Review, 0, 19.846984845265304, 2.0974554287524403, "2025-01-18T09:10:00Z"),
            new("2025-01-18T09:10:00Z", Rating.Good, CardState.Review, 0, 48.23479641675114, 2.0905863426205262, "2025-02-06T09:10:00Z"),
            new("2025-02-06T09:10:00Z", Rating.Again, CardState.Relearning, 0, 2.7449079417319955, 7.385457884129076, "2025-02-06T09:20:00Z"),
            new("2025-02-06T09:20:00Z", Rating.Good, CardState.Review, 0, 2.7449079417319955, 7.373300795541786, "2025-02-07T09:20:00Z"),
            new("2025-02-07T09:20:00Z", Rating.Good, CardState.Review, 0, 4.785260735463578, 7.3611558640430825, "2025-02-09T09:20:00Z"),
        ]);
    }

    [Fact]
    public void Maximum_interval_clamps_review_intervals()
    {
        Replay(new FsrsScheduler(new FsrsParameters { MaximumIntervalDays = 30 }),
        [
            new("2025-01-06T09:00:00Z", Rating.Easy, CardState.Review, 0, 8.2956, 1.0, "2025-01-14T09:00:00Z"),
            new("2025-01-14T09:00:00Z", Rating.Easy, CardState.Review, 0, 65.62422616189994, 1.0, "2025-02-13T09:00:00Z"),
            new("2025-02-13T09:00:00Z", Rating.Easy, CardState.Review, 0, 245.41909179849148, 1.0, "2025-03-15T09:00:00Z"),
            new("2025-03-15T09:00:00Z", Rating.Easy, CardState.Review, 0, 411.1260124170842, 1.0, "2025-04-14T09:00:00Z"),
            new("2025-04-14T09:00:00Z", Rating.Again, CardState.Relearning, 0, 5.841676902231348, 7.0269895692968385, "2025-04-14T09:10:00Z"),
            new("2025-04-14T09:10:00Z", Rating.Good, CardState.Review, 0, 5.841676902231348, 7.0151909490243805, "2025-04-20T09:10:00Z"),
            new("2025-04-20T09:10:00Z", Rating.Easy, CardState.Review, 0, 23.683041730896807, 6.003035225586943, "2025-05-14T09:10:00Z"),
        ]);
    }

    [Fact]
    public void Easy_streak_is_clamped_to_the_default_maximum_interval()
    {
        Replay(Default,
        [
            new("2025-01-06T09:00:00Z", Rating.Easy, CardState.Review, 0, 8.2956, 1.0, "2025-01-14T09:00:00Z"),
            new("2025-01-14T09:00:00Z", Rating.Easy, CardState.Review, 0, 65.62422616189994, 1.0, "2025-03-21T09:00:00Z"),
            new("2025-03-21T09:00:00Z", Rating.Easy, CardState.Review, 0, 396.7750233497581, 1.0, "2026-04-22T09:00:00Z"),
            new("2026-04-22T09:00:00Z", Rating.Easy, CardState.Review, 0, 1874.9169554074524, 1.0, "2031-06-10T09:00:00Z"),
            new("2031-06-10T09:00:00Z", Rating.Easy, CardState.Review, 0, 7265.432894791257, 1.0, "2051-05-01T09:00:00Z"),
            new("2051-05-01T09:00:00Z", Rating.Easy, CardState.Review, 0, 23932.922499822544, 1.0, "2116-11-09T09:00:00Z"),
            new("2116-11-09T09:00:00Z", Rating.Easy, CardState.Review, 0, 68949.18220077343, 1.0, "2216-10-16T09:00:00Z"),
            new("2216-10-16T09:00:00Z", Rating.Easy, CardState.Review, 0, 135806.9865065576, 1.0, "2316-09-22T09:00:00Z"),
            new("2316-09-22T09:00:00Z", Rating.Easy, CardState.Review, 0, 201827.87661845866, 1.0, "2416-08-28T09:00:00Z"),
            new("2416-08-28T09:00:00Z", Rating.Easy, CardState.Review, 0, 266005.83566347085, 1.0, "2516-08-04T09:00:00Z"),
        ]);
    }

    [Fact]
    public void Without_steps_cards_go_straight_to_review()
    {
        Replay(new FsrsScheduler(new FsrsParameters { LearningSteps = [], RelearningSteps = [] }),
        [
            new("2025-01-06T09:00:00Z", Rating.Good, CardState.Review, 0, 2.3065, 2.118103970459016, "2025-01-08T09:00:00Z"),
            new("2025-01-08T09:00:00Z", Rating.Again, CardState.Review, 0, 0.6075801062519337, 7.394502741279718, "2025-01-09T09:00:00Z"),
            new("2025-01-09T09:00:00Z", Rating.Good, CardState.Review, 0, 2.4004040500172708, 7.382336607835277, "2025-01-11T09:00:00Z"),
        ]);
    }

    [Fact]
    public void Three_learning_steps_and_two_relearning_steps_match_reference()
    {
        var parameters = new FsrsParameters
        {
            LearningSteps = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)],
            RelearningSteps = [TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)],
        };
        Replay(new FsrsScheduler(parameters),
        [
            new("2025-01-06T09:00:00Z", Rating.Hard, CardState.Learning, 0, 1.2931, 5.112170705601056, "2025-01-06T09:05:30Z"),
            new("2025-01-06T09:05:30Z", Rating.Good, CardState.Learning, 1, 1.3358997622047517, 5.102286904192293, "2025-01-06T09:15:30Z"),
            new("2025-01-06T09:15:30Z", Rating.Hard, CardState.Learning, 1, 0.8005350455839325, 6.733898182869418, "2025-01-06T09:25:30Z"),
            new("2025-01-06T09:25:30Z", Rating.Good, CardState.Learning, 2, 0.8535423532131808, 6.722392653983388, "2025-01-06T10:25:30Z"),
            new("2025-01-06T10:25:30Z", Rating.Good, CardState.Review, 0, 0.9062282986364429, 6.710898630626243, "2025-01-07T10:25:30Z"),
            new("2025-01-07T10:25:30Z", Rating.Good, CardState.Review, 0, 3.1883544194214157, 6.699416101292456, "2025-01-10T10:25:30Z"),
            new("2025-01-10T10:25:30Z", Rating.Again, CardState.Relearning, 0, 0.7068961441535339, 8.900348885762178, "2025-01-10T10:35:30Z"),
            new("2025-01-10T10:35:30Z", Rating.Hard, CardState.Relearning, 0, 0.4417234045436592, 9.255228715923847, "2025-01-10T11:10:30Z"),
            new("2025-01-10T11:10:30Z", Rating.Good, CardState.Relearning, 1, 0.4897637838294729, 9.24120185650476, "2025-01-10T12:10:30Z"),
            new("2025-01-10T12:10:30Z", Rating.Again, CardState.Relearning, 0, 0.18224817402659474, 9.735816579357328, "2025-01-10T12:20:30Z"),
            new("2025-01-10T12:20:30Z", Rating.Easy, CardState.Review, 0, 0.3684711233196734, 9.632767160422787, "2025-01-11T12:20:30Z"),
            new("2025-01-11T12:20:30Z", Rating.Good, CardState.Review, 0, 0.9692458600633509, 9.618362762559203, "2025-01-12T12:20:30Z"),
        ]);
    }

    [Fact]
    public void Hard_on_a_single_learning_step_waits_one_and_a_half_steps()
    {
        Replay(new FsrsScheduler(new FsrsParameters { LearningSteps = [TimeSpan.FromMinutes(5)] }),
        [
            new("2025-01-06T09:00:00Z", Rating.Hard, CardState.Learning, 0, 1.2931, 5.112170705601056, "2025-01-06T09:07:30Z"),
            new("2025-01-06T09:07:30Z", Rating.Hard, CardState.Learning, 0, 0.7765494494075704, 6.7404595108297, "2025-01-06T09:15:00Z"),
            new("2025-01-06T09:15:00Z", Rating.Good, CardState.Review, 0, 0.8296275051643506, 6.728947420615708, "2025-01-07T09:15:00Z"),
        ]);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.9583333333333334, 1.0)]
    [InlineData(1.0, 0.9468474993825461)]
    [InlineData(3.0, 0.8809479557659419)]
    [InlineData(30.0, 0.6675263338730357)]
    [InlineData(365.0, 0.45894521558406376)]
    public void Retrievability_counts_whole_days_since_the_last_review(double elapsedDays, double expected)
    {
        var card = Default.Review(Default.Review(CardMemory.New(T0), Rating.Good, T0), Rating.Good, T0.AddMinutes(10));

        Assert.Equal(expected, Default.Retrievability(card, card.LastReview!.Value.AddDays(elapsedDays)), Tolerance);
    }

    [Fact]
    public void Retrievability_of_a_new_card_is_zero()
    {
        Assert.Equal(0, Default.Retrievability(CardMemory.New(T0), T0.AddDays(3)));
    }

    [Theory]
    [InlineData(0.001, 1, 1, 1)]
    [InlineData(0.212, 1, 1, 1)]
    [InlineData(0.6, 1, 2, 1)]
    [InlineData(1.0, 1, 3, 1)]
    [InlineData(2.3065, 2, 8, 1)]
    [InlineData(3.5, 4, 12, 1)]
    [InlineData(8.2956, 8, 28, 3)]
    [InlineData(10.0, 10, 33, 4)]
    [InlineData(47.3, 47, 157, 19)]
    [InlineData(100.0, 100, 332, 40)]
    [InlineData(1000.0, 1000, 3316, 403)]
    [InlineData(30000.0, 30000, 36500, 12077)]
    [InlineData(1000000.0, 36500, 36500, 36500)]
    public void Next_interval_matches_reference(double stability, int at90, int at80, int at95)
    {
        Assert.Equal(at90, Default.NextIntervalDays(stability));
        Assert.Equal(at80, new FsrsScheduler(new FsrsParameters { DesiredRetention = 0.8 }).NextIntervalDays(stability));
        Assert.Equal(at95, new FsrsScheduler(new FsrsParameters { DesiredRetention = 0.95 }).NextIntervalDays(stability));
    }

    // From py-fsrs _get_fuzzed_interval with random() patched to return 0, 0.5 and 0.999999.
    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(2, 2, 2, 2)]
    [InlineData(3, 2, 4, 5)]
    [InlineData(5, 4, 6, 7)]
    [InlineData(7, 5, 8, 10)]
    [InlineData(10, 8, 10, 13)]
    [InlineData(20, 17, 20, 24)]
    [InlineData(50, 46, 50, 55)]
    [InlineData(100, 93, 100, 108)]
    [InlineData(365, 345, 366, 386)]
    [InlineData(36500, 34673, 35587, 36500)]
    public void Fuzz_range_matches_reference(int days, int atZero, int atHalf, int atOne)
    {
        var scheduler = new FsrsScheduler(new FsrsParameters { EnableFuzzing = true });

        Assert.Equal(atZero, scheduler.FuzzedIntervalDays(days, 0));
        Assert.Equal(atHalf, scheduler.FuzzedIntervalDays(days, 0.5));
        Assert.Equal(atOne, scheduler.FuzzedIntervalDays(days, 0.999999));
    }

    [Fact]
    public void Fuzzing_is_deterministic_and_only_touches_review_intervals()
    {
        var fuzzy = new FsrsScheduler(new FsrsParameters { EnableFuzzing = true });
        var learning = fuzzy.Review(CardMemory.New(T0), Rating.Good, T0);
        var review = Default.Review(Default.Review(learning, Rating.Good, learning.Due), Rating.Good, At("2025-01-08T09:10:00Z"));

        var first = fuzzy.Review(review, Rating.Good, review.Due);
        var plain = Default.Review(review, Rating.Good, review.Due);

        Assert.Equal(T0.AddMinutes(10), learning.Due);
        Assert.Equal(first, fuzzy.Review(review, Rating.Good, review.Due));
        Assert.Equal(plain with { Due = first.Due }, first);
        Assert.Equal(46, (plain.Due - review.Due).Days);
        Assert.InRange((first.Due - review.Due).Days, 42, 51);

        var spread = Enumerable.Range(0, 20)
            .Select(minute => review.Due.AddMinutes(minute))
            .Select(now => (fuzzy.Review(review, Rating.Good, now).Due - now).Days)
            .Distinct();
        Assert.True(spread.Count() > 1);
    }

    [Fact]
    public void Counts_reviews_and_lapses()
    {
        var card = CardMemory.New(T0);
        foreach (var rating in new[] { Rating.Again, Rating.Good, Rating.Good, Rating.Again, Rating.Again, Rating.Good, Rating.Again })
        {
            card = Default.Review(card, rating, card.Due);
        }

        Assert.Equal((7, 2), (card.Reps, card.Lapses));
    }

    [Fact]
    public void New_card_is_due_now_with_no_memory()
    {
        Assert.Equal(new CardMemory(CardState.New, 0, 0, T0, null, 0, 0, 0), CardMemory.New(T0));
    }

    [Fact]
    public void Default_parameters_are_the_fsrs6_defaults()
    {
        var parameters = FsrsParameters.Default;

        Assert.Equal(21, parameters.Weights.Count);
        Assert.Equal(0.1542, parameters.Weights[20]);
        Assert.Equal((0.9, 36500, false), (parameters.DesiredRetention, parameters.MaximumIntervalDays, parameters.EnableFuzzing));
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)], parameters.LearningSteps);
        Assert.Equal([TimeSpan.FromMinutes(10)], parameters.RelearningSteps);
        Assert.Equal(parameters, new FsrsParameters { Weights = [.. FsrsParameters.DefaultWeights], LearningSteps = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)] });
        Assert.NotEqual(parameters, parameters with { DesiredRetention = 0.85 });
    }

    [Fact]
    public void Rejects_invalid_parameters()
    {
        var tooFew = FsrsParameters.DefaultWeights.Take(20).ToArray();
        var decayTooLarge = FsrsParameters.DefaultWeights.Take(20).Append(0.9).ToArray();

        Assert.Throws<ArgumentException>(() => new FsrsParameters { Weights = tooFew });
        Assert.Throws<ArgumentException>(() => new FsrsParameters { Weights = decayTooLarge });
        Assert.ThrowsAny<ArgumentException>(() => new FsrsParameters { DesiredRetention = 0 });
        Assert.ThrowsAny<ArgumentException>(() => new FsrsParameters { DesiredRetention = 1 });
        Assert.ThrowsAny<ArgumentException>(() => new FsrsParameters { MaximumIntervalDays = 0 });
        Assert.ThrowsAny<ArgumentException>(() => new FsrsParameters { LearningSteps = [TimeSpan.Zero] });
        Assert.ThrowsAny<ArgumentException>(() => FsrsParameters.Default with { RelearningSteps = [TimeSpan.FromMinutes(-1)] });
    }

    [Fact]
    public void Rejects_an_unknown_rating()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.Review(CardMemory.New(T0), (Rating)5, T0));
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    // Reviews a new card with each row's rating at each row's time and checks the result against the row.
    private static List<CardMemory> Replay(FsrsScheduler scheduler, Expected[] rows)
    {
        var card = CardMemory.New(T0);
        var reviews = new List<CardMemory>();
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var now = At(row.At);
            card = scheduler.Review(card, row.Rating, now);
            reviews.Add(card);

            Assert.Equal((i, row.State, row.Step, At(row.Due), now), (i, card.State, card.Step, card.Due, card.LastReview!.Value));
            Assert.True(Math.Abs(card.Stability - row.Stability) <= Tolerance, $"review {i}: stability {card.Stability:R}, expected {row.Stability:R}");
            Assert.True(Math.Abs(card.Difficulty - row.Difficulty) <= Tolerance, $"review {i}: difficulty {card.Difficulty:R}, expected {row.Difficulty:R}");
        }

        return reviews;
    }

    /// <summary>What the reference printed after one review.</summary>
    public sealed record Expected(string At, Rating Rating, CardState State, int Step, double Stability, double Difficulty, string Due);
}
