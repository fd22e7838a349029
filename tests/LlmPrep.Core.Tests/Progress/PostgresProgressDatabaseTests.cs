using System.Net;
using System.Net.Sockets;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Progress.Postgres;
using LlmPrep.Tests.Postgres;
using Npgsql;

namespace LlmPrep.Core.Tests.Progress;

/// <summary>What is particular to the PostgreSQL store: its schema record, and what each server failure is reported as.</summary>
public sealed class PostgresProgressDatabaseTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FsrsScheduler _fsrs = new();
    private readonly List<IDisposable> _disposables = [];

    [PostgresFact]
    public void Instances_starting_together_on_an_empty_database_migrate_once()
    {
        var database = NewDatabase();
        using var start = new Barrier(6);
        var opened = new System.Collections.Concurrent.ConcurrentBag<PostgresProgressDatabase>();
        var threads = Enumerable.Range(0, 6).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            opened.Add(PostgresProgressDatabase.Open(database.ConnectionString));
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(6, opened.Count);
        Assert.Single(opened, o => o.MigratedFrom == 0);
        Assert.Equal(5, opened.Count(o => o.MigratedFrom == PostgresProgressDatabase.SchemaVersion));
        Assert.Equal(1L, database.Scalar("SELECT count(*) FROM llmprep.schema_version"));
        Assert.Equal(PostgresProgressDatabase.SchemaVersion, database.Scalar("SELECT max(version) FROM llmprep.schema_version"));
        foreach (var instance in opened)
        {
            instance.Dispose();
        }
    }

    [PostgresFact]
    public void Tables_of_other_schemas_in_the_database_are_left_alone()
    {
        var database = NewDatabase();
        database.Execute("CREATE TABLE public.reviews(id int, note text); INSERT INTO public.reviews VALUES (7, 'someone else''s');");

        using (var opened = PostgresProgressDatabase.Open(database.ConnectionString))
        using (var store = opened.ForUser("local"))
        {
            store.Record(Review("note/q1", Rating.Good));
        }

        Assert.Equal("someone else's", database.Scalar("SELECT note FROM public.reviews WHERE id = 7"));
        Assert.Equal(1L, database.Scalar("SELECT count(*) FROM public.reviews"));
        Assert.Equal(1L, database.Scalar("SELECT count(*) FROM llmprep.reviews"));
    }

    [PostgresFact]
    public void A_schema_from_a_newer_version_is_refused_and_left_untouched()
    {
        var database = NewDatabase();
        PostgresProgressDatabase.Open(database.ConnectionString).Dispose();
        database.Execute("INSERT INTO llmprep.schema_version(version) VALUES (99)");

        var error = Assert.Throws<ProgressStoreException>(() => PostgresProgressDatabase.Open(database.ConnectionString));

        Assert.Equal(ProgressProblem.NewerVersion, error.Problem);
        Assert.Contains("schema version 99, newer", error.Message, StringComparison.Ordinal);
        Assert.Contains(database.Name, error.Message, StringComparison.Ordinal);
        Assert.Equal(2L, database.Scalar("SELECT count(*) FROM llmprep.schema_version"));
    }

    [PostgresFact]
    public void A_foreign_llmprep_schema_is_refused_and_left_untouched()
    {
        var database = NewDatabase();
        database.Execute("CREATE SCHEMA llmprep; CREATE TABLE llmprep.invoices(id int); INSERT INTO llmprep.invoices VALUES (1);");

        var error = Assert.Throws<ProgressStoreException>(() => PostgresProgressDatabase.Open(database.ConnectionString));

        Assert.Equal(ProgressProblem.NotAProgressFile, error.Problem);
        Assert.Contains("left untouched", error.Message, StringComparison.Ordinal);
        Assert.Equal(true, database.Scalar("SELECT to_regclass('llmprep.schema_version') IS NULL"));
        Assert.Equal(1L, database.Scalar("SELECT count(*) FROM llmprep.invoices"));
    }

    [PostgresFact]
    public void A_card_locked_by_another_writer_is_reported_busy_and_works_once_released()
    {
        var database = NewDatabase();
        using var opened = PostgresProgressDatabase.Open(database.ConnectionString, TimeSpan.FromMilliseconds(300));
        using var store = opened.ForUser("local");
        store.Record(Review("note/q1", Rating.Good));

        using (var other = database.Connect())
        using (var transaction = other.BeginTransaction())
        {
            using var hold = new NpgsqlCommand("LOCK TABLE llmprep.reviews IN EXCLUSIVE MODE", other, transaction);
            hold.ExecuteNonQuery();

            var error = Assert.Throws<ProgressStoreException>(() => store.Record(Review("note/q2", Rating.Good)));

            Assert.Equal(ProgressProblem.Busy, error.Problem);
            Assert.True(error.IsTransient);
            Assert.Contains("busy", error.Message, StringComparison.Ordinal);
            Assert.Contains(database.Name, error.Message, StringComparison.Ordinal);
            Assert.Single(store.RecentReviews(10));
        }

        store.Record(Review("note/q2", Rating.Good));
        Assert.Equal(2, store.RecentReviews(10).Count);
    }

    [PostgresFact]
    public void A_read_only_database_is_reported_as_such_and_nothing_is_written()
    {
        var database = NewDatabase();
        PostgresProgressDatabase.Open(database.ConnectionString).Dispose();
        database.Execute($"ALTER DATABASE {database.Name} SET default_transaction_read_only = on");

        using var opened = PostgresProgressDatabase.Open(database.ConnectionString);
        using var store = opened.ForUser("local");
        var error = Assert.Throws<ProgressStoreException>(() => store.Record(Review("note/q1", Rating.Good)));

        Assert.Equal(ProgressProblem.ReadOnlyDatabase, error.Problem);
        Assert.Contains("accepts no writes", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.RecentReviews(10));
    }

    [PostgresFact]
    public void A_text_postgres_cannot_store_is_refused_and_nothing_is_written()
    {
        var database = NewDatabase();
        using var opened = PostgresProgressDatabase.Open(database.ConnectionString);
        using var store = opened.ForUser("local");

        var error = Assert.Throws<ProgressStoreException>(() => store.Record(Review("note/q1", Rating.Good) with { Answer = "before\0after" }));

        Assert.Equal(ProgressProblem.UnstorableText, error.Problem);
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
        Assert.Empty(store.RecentReviews(10));
        Assert.Null(store.Memory("note/q1"));
    }

    [PostgresFact]
    public void A_wrong_password_is_reported_as_a_refused_sign_in_without_the_password()
    {
        const string Password = "wrong-password-4f1c9e";
        var connection = new NpgsqlConnectionStringBuilder(PostgresTestServer.RequireConnectionString()) { Password = Password }.ConnectionString;

        var error = Assert.Throws<ProgressStoreException>(() => PostgresProgressDatabase.Open(connection));

        Assert.Equal(ProgressProblem.AccessDenied, error.Problem);
        Assert.Contains("refused to sign in", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void A_missing_database_is_named()
    {
        var connection = new NpgsqlConnectionStringBuilder(PostgresTestServer.RequireConnectionString()) { Database = "llmprep_no_such_database" };

        var error = Assert.Throws<ProgressStoreException>(() => PostgresProgressDatabase.Open(connection.ConnectionString));

        Assert.Equal(ProgressProblem.Misconfigured, error.Problem);
        Assert.Contains("'llmprep_no_such_database'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(connection.Password!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_server_is_named_by_host_and_port_without_the_password()
    {
        var port = ClosedPort();
        var connection = $"Host=127.0.0.1;Port={port};Database=progress;Username=study;Password=s3cret-never-shown;Timeout=5";

        var error = Assert.Throws<ProgressStoreException>(() => PostgresProgressDatabase.Open(connection));

        Assert.Equal(ProgressProblem.Unreachable, error.Problem);
        Assert.True(error.IsTransient);
        Assert.Contains($"'progress' on 127.0.0.1:{port} as study", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "needs a connection string")]
    [InlineData("   ", "needs a connection string")]
    [InlineData("Host=127.0.0.1;Colour=blue;Password=s3cret-never-shown", "not a valid PostgreSQL connection string")]
    [InlineData("Host=127.0.0.1;Port=fifty;Password=s3cret-never-shown", "not a valid PostgreSQL connection string")]
    public void A_missing_or_malformed_connection_string_is_explained(string connection, string words)
    {
        var error = Assert.Throws<ProgressStoreException>(() => PostgresProgressDatabase.Open(connection));

        Assert.Equal(ProgressProblem.Misconfigured, error.Problem);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void The_location_names_server_and_database_but_never_the_password()
    {
        var database = NewDatabase();
        var password = new NpgsqlConnectionStringBuilder(database.ConnectionString).Password!;

        using var opened = PostgresProgressDatabase.Open(database.ConnectionString);

        Assert.Contains($"'{database.Name}' on 127.0.0.1:", opened.Location, StringComparison.Ordinal);
        Assert.DoesNotContain(password, opened.Location, StringComparison.Ordinal);
    }

    private PostgresTestDatabase NewDatabase()
    {
        var database = PostgresTestServer.CreateDatabase();
        _disposables.Add(database);
        return database;
    }

    private NewReview Review(string cardId, Rating rating)
    {
        var before = CardMemory.New(T0);
        return new NewReview(cardId, cardId.Split('/')[0], T0, rating, 0.5, "key_points", "my answer", [], before, _fsrs.Review(before, rating, T0));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }
}
