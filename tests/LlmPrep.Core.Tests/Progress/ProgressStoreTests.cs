using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using Microsoft.Data.Sqlite;

namespace LlmPrep.Core.Tests.Progress;

public sealed class ProgressStoreTests : IDisposable
{
    private static readonly string[] Suffixes = ["", "-wal", "-shm"];
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("llmprep-progress-").FullName;
    private readonly FsrsScheduler _fsrs = new();

    private string PathOf(string name = "progress.db") => Path.Combine(_dir, name);

    private NewReview Review(string cardId, Rating rating, DateTimeOffset at, CardMemory? before = null)
    {
        before ??= CardMemory.New(at);
        return new NewReview(cardId, cardId.Split('/')[0], at, rating, 0.5, "key_points", "my answer", ["missed point"], before, _fsrs.Review(before, rating, at));
    }

    [Fact]
    public void Records_reviews_and_memory_that_survive_reopening()
    {
        using (var store = ProgressStore.Open(PathOf()))
        {
            Assert.Equal(0, store.MigratedFrom);
            var record = store.Record(Review("note/q1", Rating.Good, T0));
            Assert.Equal("note/q1", record.CardId);
            Assert.Equal(["missed point"], record.Missed);
        }

        SqliteConnection.ClearAllPools();
        using var reopened = ProgressStore.Open(PathOf());
        Assert.Equal(ProgressStore.SchemaVersion, reopened.MigratedFrom);
        var memory = reopened.Memory("note/q1");
        Assert.NotNull(memory);
        Assert.Equal(1, memory!.Reps);
        var last = reopened.LastReview("note/q1")!;
        Assert.Equal(Rating.Good, last.Rating);
        Assert.Equal("my answer", last.Answer);
        Assert.Equal(T0, last.ReviewedAt);
        Assert.Equal(memory, last.After);
    }

    [Fact]
    public void Amending_replaces_the_rating_without_adding_a_review()
    {
        using var store = ProgressStore.Open(PathOf());
        var record = store.Record(Review("note/q1", Rating.Again, T0));
        var replayed = _fsrs.Review(record.Before, Rating.Good, record.ReviewedAt);

        var amended = store.Amend(record.Id, Rating.Good, 0.9, "assistant", replayed, T0.AddMinutes(1));

        Assert.Equal(record.Id, amended.Id);
        Assert.Equal(Rating.Good, amended.Rating);
        Assert.Equal(T0.AddMinutes(1), amended.AmendedAt);
        Assert.Single(store.RecentReviews(10));
        Assert.Equal(replayed, store.Memory("note/q1"));
    }

    [Fact]
    public void Lists_recent_and_failed_reviews_newest_first()
    {
        using var store = ProgressStore.Open(PathOf());
        store.Record(Review("a/1", Rating.Again, T0));
        store.Record(Review("a/2", Rating.Good, T0.AddMinutes(1)));
        store.Record(Review("a/3", Rating.Again, T0.AddMinutes(2)));

        Assert.Equal(["a/3", "a/2", "a/1"], store.RecentReviews(10).Select(r => r.CardId));
        Assert.Equal(["a/3", "a/1"], store.RecentReviews(10, failedOnly: true).Select(r => r.CardId));
        Assert.Equal(3, store.ReviewTimes().Count);
    }

    [Fact]
    public void Concurrent_records_lose_nothing()
    {
        using var store = ProgressStore.Open(PathOf());

        Parallel.For(0, 200, i => store.Record(Review($"n/{i % 20}", Rating.Good, T0.AddSeconds(i))));

        Assert.Equal(200, store.ReviewTimes().Count);
        Assert.Equal(20, store.Memories().Count);
    }

    [Fact]
    public void Upgrades_a_version_1_file_keeping_its_history_and_a_backup()
    {
        var path = PathOf();
        using (var v1 = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            v1.Open();
            using var create = v1.CreateCommand();
            create.CommandText = """
                CREATE TABLE card_memory(user_id TEXT NOT NULL, card_id TEXT NOT NULL, state INTEGER NOT NULL, stability REAL NOT NULL,
                    difficulty REAL NOT NULL, due INTEGER NOT NULL, last_review INTEGER, step INTEGER NOT NULL, reps INTEGER NOT NULL,
                    lapses INTEGER NOT NULL, PRIMARY KEY (user_id, card_id));
                CREATE TABLE reviews(id INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, card_id TEXT NOT NULL, note_id TEXT NOT NULL,
                    reviewed_at INTEGER NOT NULL, rating INTEGER NOT NULL, score REAL, grader TEXT NOT NULL, answer TEXT,
                    b_state INTEGER NOT NULL, b_stability REAL NOT NULL, b_difficulty REAL NOT NULL, b_due INTEGER NOT NULL,
                    b_last_review INTEGER, b_step INTEGER NOT NULL, b_reps INTEGER NOT NULL, b_lapses INTEGER NOT NULL,
                    a_state INTEGER NOT NULL, a_stability REAL NOT NULL, a_difficulty REAL NOT NULL, a_due INTEGER NOT NULL,
                    a_last_review INTEGER, a_step INTEGER NOT NULL, a_reps INTEGER NOT NULL, a_lapses INTEGER NOT NULL);
                INSERT INTO card_memory VALUES ('local', 'old/card', 2, 5.5, 4.2, 1800000000000, 1790000000000, 0, 3, 1);
                INSERT INTO reviews(user_id, card_id, note_id, reviewed_at, rating, score, grader, answer,
                    b_state, b_stability, b_difficulty, b_due, b_last_review, b_step, b_reps, b_lapses,
                    a_state, a_stability, a_difficulty, a_due, a_last_review, a_step, a_reps, a_lapses)
                VALUES ('local', 'old/card', 'old', 1790000000000, 3, 0.8, 'key_points', 'an old answer',
                    2, 3.0, 4.0, 1790000000000, 1780000000000, 0, 2, 1, 2, 5.5, 4.2, 1800000000000, 1790000000000, 0, 3, 1);
                PRAGMA user_version = 1;
                """;
            create.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        using var store = ProgressStore.Open(path);

        Assert.Equal(1, store.MigratedFrom);
        Assert.True(File.Exists(path + ".v1.bak"));
        Assert.Equal(5.5, store.Memory("old/card")!.Stability);
        var review = Assert.Single(store.RecentReviews(10));
        Assert.Equal("an old answer", review.Answer);
        Assert.Empty(review.Missed);
        Assert.Null(review.AmendedAt);
        Assert.Null(review.Verdict);
        Assert.False(review.Provisional);
        store.Record(Review("new/card", Rating.Hard, T0));
        Assert.Equal(2, store.ReviewTimes().Count);
    }

    [Theory]
    [InlineData("this is not a database, it is someone's notes")]
    [InlineData("SQLite format 3\0 but truncated garbage")]
    public void Refuses_an_unreadable_file_and_leaves_it_untouched(string content)
    {
        var path = PathOf();
        File.WriteAllText(path, content + new string('x', 4096));
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<ProgressStoreException>(() => ProgressStore.Open(path));

        Assert.Contains("left untouched", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public void Refuses_a_file_from_a_newer_version()
    {
        var path = PathOf();
        using (var future = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            future.Open();
            using var command = future.CreateCommand();
            command.CommandText = "CREATE TABLE future(x); PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var error = Assert.Throws<ProgressStoreException>(() => ProgressStore.Open(path));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_unrelated_sqlite_database()
    {
        var path = PathOf("other.db");
        using (var other = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            other.Open();
            using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var error = Assert.Throws<ProgressStoreException>(() => ProgressStore.Open(path));

        Assert.Contains("not an LlmPrep progress file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_reviews_survive_a_process_that_never_closed_the_store()
    {
        var path = PathOf();
        var store = ProgressStore.Open(path);
        store.Record(Review("crash/card", Rating.Good, T0));

        // No Dispose: a second connection (as after a crash and restart) must already see the committed review.
        using var after = ProgressStore.Open(path);
        Assert.NotNull(after.Memory("crash/card"));
        store.Dispose();
    }

    [Theory]
    [InlineData("newer")]
    [InlineData("foreign")]
    [InlineData("damaged")]
    public void A_refused_file_and_its_wal_and_shm_stay_byte_identical(string kind)
    {
        var path = PathOf();
        WriteCrashedWalDatabase(path, kind);
        if (kind == "damaged")
        {
            // Break the b-tree page headers of the table's pages in the main file.
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            for (var page = 2; page < 12; page++)
            {
                file.Position = (page - 1) * 4096L;
                file.Write([0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5, 0xA5]);
            }
        }

        Assert.True(File.Exists(path + "-wal"));
        var before = Hashes(path);

        var error = Assert.Throws<ProgressStoreException>(() => ProgressStore.Open(path));
        SqliteConnection.ClearAllPools();

        Assert.Contains("left untouched", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hashes(path));
    }

    [Fact]
    public void A_file_without_shm_is_checked_on_a_copy_and_left_identical()
    {
        var path = PathOf();
        WriteCrashedWalDatabase(path, "newer");
        File.Delete(path + "-shm");
        var before = Hashes(path);

        var error = Assert.Throws<ProgressStoreException>(() => ProgressStore.Open(path));

        Assert.Equal(ProgressProblem.NewerVersion, error.Problem);
        Assert.Equal(before, Hashes(path));
    }

    [Fact]
    public void A_write_lock_held_elsewhere_is_reported_as_busy_and_works_once_released()
    {
        var path = PathOf();
        using (ProgressStore.Open(path))
        {
        }

        SqliteConnection.ClearAllPools();
        using var store = ProgressStore.Open(path, busyTimeout: TimeSpan.FromMilliseconds(200));
        using (var other = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            other.Open();
            using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();

            var error = Assert.Throws<ProgressStoreException>(() => store.Record(Review("note/q1", Rating.Good, T0)));
            Assert.Equal(ProgressProblem.Busy, error.Problem);
            Assert.Contains("another LlmPrep process", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            var opening = Assert.Throws<ProgressStoreException>(() => ProgressStore.Open(path, busyTimeout: TimeSpan.FromMilliseconds(200)));
            Assert.Equal(ProgressProblem.Busy, opening.Problem);
        }

        store.Record(Review("note/q1", Rating.Good, T0));
        Assert.Single(store.RecentReviews(10));
    }

    [Fact]
    public void Many_processes_creating_one_file_at_once_all_succeed()
    {
        var path = PathOf();
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            try
            {
                using var store = ProgressStore.Open(path, $"user{i}");
                store.Record(Review($"note/q{i}", Rating.Good, T0));
            }
            catch (Exception ex)
            {
                errors.Add(ex);
            }
        });

        Assert.Empty(errors);
        using var check = ProgressStore.Open(path, "user3");
        Assert.Single(check.RecentReviews(10));
    }

    [Fact]
    public void Each_user_sees_only_their_own_history()
    {
        using var database = ProgressDatabase.Open(PathOf());
        using var alice = database.ForUser("alice");
        using var bob = database.ForUser("bob");

        alice.Record(Review("note/q1", Rating.Good, T0));

        Assert.Single(alice.RecentReviews(10));
        Assert.Empty(bob.RecentReviews(10));
        Assert.Null(bob.Memory("note/q1"));
        Assert.Empty(bob.Memories());
        Assert.Null(bob.LastReview("note/q1"));
    }

    [Fact]
    public void A_data_folder_that_is_a_file_is_named_in_the_error()
    {
        var file = PathOf("not-a-folder");
        File.WriteAllText(file, "x");

        var error = Assert.Throws<ProgressStoreException>(() => ProgressStore.Open(Path.Combine(file, "progress.db")));

        Assert.Equal(ProgressProblem.DataDirectoryIsFile, error.Problem);
        Assert.Contains($"'{file}' is a file", error.Message, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Theory]
    [InlineData(13, ProgressProblem.DiskFull, "is full")]
    [InlineData(5, ProgressProblem.Busy, "try again")]
    [InlineData(6, ProgressProblem.Busy, "try again")]
    [InlineData(26, ProgressProblem.NotAProgressFile, "not an LlmPrep progress file")]
    public void Sqlite_failures_are_described_by_what_happened(int code, ProgressProblem problem, string words)
    {
        var path = PathOf();

        var error = ProgressErrors.Describe(new SqliteException("failure", code), path);

        Assert.Equal(problem, error.Problem);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static void WriteCrashedWalDatabase(string path, string kind)
    {
        // A writer that never closes (as after kill -9) leaves progress.db-wal and -shm beside the file.
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = kind switch
        {
            "newer" => "PRAGMA journal_mode=WAL; CREATE TABLE future(x); INSERT INTO future VALUES (1); PRAGMA user_version = 99;",
            "foreign" => "PRAGMA journal_mode=WAL; CREATE TABLE invoices(id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1);",
            _ => "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; PRAGMA user_version = 2; CREATE TABLE reviews(id INTEGER PRIMARY KEY, note TEXT); " +
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO reviews SELECT i, printf('%.300c', 'x') FROM n; " +
                 "PRAGMA wal_checkpoint(TRUNCATE); INSERT INTO reviews VALUES (1000, 'in the wal');",
        };
        command.ExecuteNonQuery();
        CopyWhileOpen(path);
        connection.Dispose();
        SqliteConnection.ClearAllPools();
        RestoreCopy(path);
    }

    private static void CopyWhileOpen(string path)
    {
        foreach (var suffix in Suffixes)
        {
            File.Copy(path + suffix, path + suffix + ".crash", overwrite: true);
        }
    }

    private static void RestoreCopy(string path)
    {
        foreach (var suffix in Suffixes)
        {
            File.Move(path + suffix + ".crash", path + suffix, overwrite: true);
        }
    }

    private static Dictionary<string, string> Hashes(string path) =>
        Suffixes
            .Where(suffix => File.Exists(path + suffix))
            .ToDictionary(suffix => suffix, suffix => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path + suffix))));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
