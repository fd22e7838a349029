using System.Text.Json;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.EndToEnd;

/// <summary>
/// Two people on one <c>serve --http</c>: every tool, resource and prompt that reads or writes study progress sees only
/// the caller's own history, and nothing one does changes the other's.
/// </summary>
public sealed class UserSeparationTests : IDisposable
{
    private readonly string _data = Fixtures.NewDataDirectory();

    private string[] Fixture(params string[] args) => [.. args, "--no-bundled", "--corpus", Fixtures.Corpus, "--data-dir", _data];

    [Fact]
    public async Task No_tool_resource_or_prompt_reads_or_changes_another_users_history()
    {
        var aliceToken = (await ServerProcess.RunAsync(Fixture("token", "add", "alice"))).Out.Trim();
        var bobToken = (await ServerProcess.RunAsync(Fixture("token", "add", "bob"))).Out.Trim();
        var (server, url) = await ServerProcess.StartHttpAsync(Fixture());
        try
        {
            await using var alice = await HttpMcp.ConnectAsync(url, aliceToken, apps: true);
            await using var bob = await HttpMcp.ConnectAsync(url, bobToken, apps: true);

            // Alice fails a card and judges it: a mistake, a weak topic, a review id, a day of activity.
            var card = Structured(await Call(alice, "quiz_next")).GetProperty("card").GetProperty("card_id").GetString()!;
            var answered = Structured(await Call(alice, "quiz_answer", ("card_id", card), ("answer", "")));
            var aliceReview = answered.GetProperty("review_id").GetInt64();
            Structured(await Call(alice, "quiz_rate", ("card_id", card), ("rating", "again"), ("review_id", aliceReview)));
            var aliceBefore = await SnapshotAsync(alice);
            Assert.Equal(1, aliceBefore.Reviews);
            Assert.Contains(card, aliceBefore.Mistakes, StringComparison.Ordinal);

            // progress_report, progress_activity, llmprep://progress and the prompts show Bob nothing of Alice's.
            var bobView = await SnapshotAsync(bob);
            Assert.Equal(0, bobView.Reviews);
            Assert.Equal(0, bobView.ActivityReviews);
            Assert.NotEqual(aliceBefore.ProgressResource, bobView.ProgressResource);
            Assert.Contains("0 reviews", bobView.ProgressResource, StringComparison.Ordinal);
            Assert.DoesNotContain(card, bobView.Mistakes, StringComparison.Ordinal);
            Assert.Contains("none recorded", bobView.MistakesTitle, StringComparison.Ordinal);
            Assert.DoesNotContain("llmprep://progress", bobView.StudyPlanResources, StringComparison.Ordinal);
            Assert.Contains("llmprep://progress", aliceBefore.StudyPlanResources, StringComparison.Ordinal);
            Assert.DoesNotContain("leaning on my weakest", bobView.MockInterview, StringComparison.Ordinal);
            Assert.Contains("leaning on my weakest", aliceBefore.MockInterview, StringComparison.Ordinal);

            // quiz_next: the card Alice failed is new to Bob.
            var bobNext = Structured(await Call(bob, "quiz_next", ("topic", card.Split('/')[0]))).GetProperty("card");
            Assert.Equal("new", bobNext.GetProperty("state").GetString());

            // quiz_rate: Alice's review is unknown to Bob, with or without its id.
            var rateById = await Call(bob, "quiz_rate", ("card_id", card), ("rating", "easy"), ("review_id", aliceReview));
            Assert.True(rateById.IsError);
            var rateLatest = await Call(bob, "quiz_rate", ("card_id", card), ("rating", "easy"), ("judged_by", "person"));
            Assert.True(rateLatest.IsError);
            Assert.Contains("no review to re-rate", McpHarness.Text(rateLatest), StringComparison.Ordinal);

            // quiz_reveal: Bob has not answered the card, whatever Alice did, so revealing it costs him (and only him).
            var reveal = Structured(await Call(bob, "quiz_reveal", ("card_id", card)));
            Assert.True(reveal.GetProperty("counted_as_failed").GetBoolean());

            // quiz_answer: Bob giving Alice's answer within the retry window is his own new review, not a retry of hers.
            var bobAnswer = Structured(await Call(bob, "quiz_answer", ("card_id", card), ("answer", "")));
            Assert.NotEqual(aliceReview, bobAnswer.GetProperty("review_id").GetInt64());
            Assert.False(bobAnswer.TryGetProperty("already_recorded", out var retry) && retry.GetBoolean());
            var bobRate = await Call(bob, "quiz_rate", ("card_id", card), ("rating", "good"));
            Assert.True(bobRate.IsError is not true, McpHarness.Text(bobRate));
            Assert.Equal(2, (await SnapshotAsync(bob)).Reviews);

            // Alice's history is exactly as it was, and her review is still hers to amend.
            var aliceAfter = await SnapshotAsync(alice);
            Assert.Equal(aliceBefore, aliceAfter);
            var aliceRate = await Call(alice, "quiz_rate", ("card_id", card), ("rating", "hard"), ("review_id", aliceReview));
            Assert.True(aliceRate.IsError is not true, McpHarness.Text(aliceRate));
            Assert.Equal(aliceReview, Structured(aliceRate).GetProperty("review_id").GetInt64());
        }
        finally
        {
            await ServerProcess.StopAsync(server);
        }
    }

    [Fact]
    public async Task A_change_to_one_users_progress_is_announced_only_to_that_users_sessions()
    {
        var corpus = Directory.CreateTempSubdirectory("llmprep-cohort-corpus-").FullName;
        foreach (var file in Directory.EnumerateFiles(Fixtures.Corpus, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(corpus, Path.GetRelativePath(Fixtures.Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        string[] args = ["--no-bundled", "--corpus", corpus, "--data-dir", _data];
        var aliceToken = (await ServerProcess.RunAsync(["token", "add", "alice", .. args])).Out.Trim();
        var bobToken = (await ServerProcess.RunAsync(["token", "add", "bob", .. args])).Out.Trim();
        var (server, url) = await ServerProcess.StartHttpAsync(args);
        try
        {
            const string note = "llmprep://notes/03-rag-and-embeddings/vector-databases";
            await using var alice = await HttpMcp.ConnectAsync(url, aliceToken, protocolVersion: "2025-11-25");
            await using var bob = await HttpMcp.ConnectAsync(url, bobToken, protocolVersion: "2025-11-25");
            var progressUpdates = 0;
            var noteUpdated = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var progress = await bob.SubscribeToResourceAsync("llmprep://progress", (_, _) =>
            {
                Interlocked.Increment(ref progressUpdates);
                return ValueTask.CompletedTask;
            });
            await using var noteSubscription = await bob.SubscribeToResourceAsync(note, (_, _) =>
            {
                noteUpdated.TrySetResult(Volatile.Read(ref progressUpdates));
                return ValueTask.CompletedTask;
            });

            var card = Structured(await Call(alice, "quiz_next")).GetProperty("card").GetProperty("card_id").GetString()!;
            Structured(await Call(alice, "quiz_answer", ("card_id", card), ("answer", "")));
            Structured(await Call(bob, "quiz_answer", ("card_id", card), ("answer", "")));

            // Bob's session stream carries, in order: any announcement of Alice's answer, his own, then the note's edit.
            var path = Path.Combine(corpus, "03-rag-and-embeddings", "vector-databases.md");
            await File.AppendAllTextAsync(path, "\nOne more line.\n");
            Assert.Equal(1, await noteUpdated.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            await ServerProcess.StopAsync(server);
            Directory.Delete(corpus, recursive: true);
        }
    }

    private sealed record Snapshot(int Reviews, int ActivityReviews, string ProgressResource, string Mistakes, string MistakesTitle, string StudyPlanResources, string MockInterview);

    private static async Task<Snapshot> SnapshotAsync(McpClient client)
    {
        var reviews = Structured(await Call(client, "progress_report")).GetProperty("reviews").GetInt32();
        var activity = Structured(await Call(client, "progress_activity")).GetProperty("history").EnumerateArray().Sum(day => day.GetProperty("count").GetInt32());
        var progress = (TextResourceContents)(await client.ReadResourceAsync("llmprep://progress")).Contents.Single();
        var mistakes = await client.GetPromptAsync("review_mistakes", new Dictionary<string, object?>());
        var plan = await client.GetPromptAsync("study_plan", new Dictionary<string, object?>());
        var mock = await client.GetPromptAsync("mock_interview", new Dictionary<string, object?>());
        return new Snapshot(
            reviews,
            activity,
            progress.Text,
            PromptText(mistakes),
            mistakes.Description ?? "",
            string.Join(" ", plan.Messages.Select(m => m.Content).OfType<EmbeddedResourceBlock>().Select(b => b.Resource.Uri)),
            PromptText(mock));
    }

    private static string PromptText(GetPromptResult prompt) =>
        (prompt.Description ?? "") + "\n" + string.Join("\n", prompt.Messages.Select(m => m.Content).OfType<TextContentBlock>().Select(b => b.Text));

    private static Task<CallToolResult> Call(McpClient client, string tool, params (string Name, object? Value)[] arguments) =>
        client.CallToolAsync(tool, arguments.ToDictionary(a => a.Name, a => a.Value)).AsTask();

    private static JsonElement Structured(CallToolResult result)
    {
        Assert.True(result.IsError is not true, McpHarness.Text(result));
        return result.StructuredContent!.Value;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
