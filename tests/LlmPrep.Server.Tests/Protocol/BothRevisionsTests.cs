using LlmPrep.Server.Tests.Prompts;
using LlmPrep.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace LlmPrep.Server.Tests.Protocol;

/// <summary>
/// The whole surface through the C# SDK client pinned to each revision: 2026-07-28 (server/discover, per-request
/// metadata, no handshake) and 2025-11-25 (initialize, a session). Every tool, prompt, resource and completion answers alike.
/// </summary>
public sealed class BothRevisionsTests
{
    public static TheoryData<string> Revisions => new() { "2026-07-28", "2025-11-25" };

    private static readonly string[] ToolNames =
        ["list_topics", "progress_report", "quiz_answer", "quiz_next", "quiz_rate", "quiz_reveal", "read_note", "search_notes"];

    private static readonly Dictionary<string, Dictionary<string, object?>> PromptArguments = new()
    {
        ["mock_interview"] = new() { ["topic"] = "retrieval" },
        ["explain_concept"] = new() { ["concept"] = "kv cache" },
        ["system_design"] = new() { ["scenario"] = "a RAG assistant for a bank" },
        ["behavioral_story"] = new() { ["theme"] = "a production incident" },
        ["elevator_pitch"] = new() { ["background"] = "backend engineer moving into LLM work" },
        ["project_deep_dive"] = new() { ["project"] = "a support chatbot with retrieval" },
        ["study_plan"] = new() { ["days"] = "2" },
        ["quiz_me"] = new() { ["topic"] = "rag" },
        ["review_mistakes"] = new(),
    };

    [Theory]
    [MemberData(nameof(Revisions))]
    public async Task Every_tool_answers_and_the_list_is_sorted_with_icons(string revision)
    {
        await using var mcp = await RealCorpus.StartAsync(protocolVersion: revision);
        Assert.Equal(revision, mcp.Client.NegotiatedProtocolVersion);
        Assert.Equal("llmprep", mcp.Client.ServerInfo?.Name);
        Assert.Contains("search_notes", mcp.Client.ServerInstructions ?? "", StringComparison.Ordinal);

        var tools = await mcp.Client.ListToolsAsync(new ListToolsRequestParams());
        Assert.Equal(ToolNames, tools.Tools.Select(t => t.Name).Where(ToolNames.Contains));
        Assert.Equal(tools.Tools.Select(t => t.Name).Order(StringComparer.Ordinal), tools.Tools.Select(t => t.Name));
        Assert.All(tools.Tools, t => AssertIcon(t.Icons));

        var hit = (await mcp.CallOkAsync("search_notes", new() { ["query"] = "HNSW" })).GetProperty("hits")[0];
        var uri = hit.GetProperty("uri").GetString()!;
        Assert.Contains("HNSW", (await mcp.CallOkAsync("read_note", new() { ["uri"] = uri })).GetRawText(), StringComparison.Ordinal);
        Assert.True((await mcp.CallOkAsync("list_topics", [])).GetProperty("total_notes").GetInt32() > 20);
        var card = (await mcp.CallOkAsync("quiz_next", new() { ["topic"] = "vector databases" })).GetProperty("card").GetProperty("card_id").GetString()!;
        var answer = await mcp.CallOkAsync("quiz_answer", new() { ["card_id"] = card, ["answer"] = "I am not sure." });
        Assert.Equal("key_points", answer.GetProperty("grader").GetString());
        Assert.Equal("good", (await mcp.CallOkAsync("quiz_rate", new() { ["card_id"] = card, ["rating"] = "good" })).GetProperty("rating").GetString());
        Assert.False((await mcp.CallOkAsync("quiz_reveal", new() { ["card_id"] = card })).GetProperty("counted_as_failed").GetBoolean());
        Assert.Equal(1, (await mcp.CallOkAsync("progress_report", [])).GetProperty("reviews").GetInt32());
        Assert.Contains("no card 'no-such/card'", await mcp.CallErrorAsync("quiz_answer", new() { ["card_id"] = "no-such/card", ["answer"] = "x" }), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Revisions))]
    public async Task Every_prompt_resource_and_completion_answers(string revision)
    {
        await using var mcp = await RealCorpus.StartAsync(protocolVersion: revision);

        var prompts = await mcp.Client.ListPromptsAsync(new ListPromptsRequestParams());
        Assert.Equal(PromptArguments.Keys.Order(StringComparer.Ordinal), prompts.Prompts.Select(p => p.Name));
        Assert.All(prompts.Prompts, p => AssertIcon(p.Icons));
        foreach (var (name, arguments) in PromptArguments)
        {
            var prompt = await mcp.Client.GetPromptAsync(name, arguments);
            Assert.NotEmpty(prompt.Messages);
        }

        var resources = await mcp.Client.ListResourcesAsync(new ListResourcesRequestParams());
        Assert.Contains(resources.Resources, r => r.Uri == "llmprep://notes/03-rag-and-embeddings/vector-databases");
        Assert.All(resources.Resources, r => AssertIcon(r.Icons));
        var templates = await mcp.Client.ListResourceTemplatesAsync(new ListResourceTemplatesRequestParams());
        Assert.Contains(templates.ResourceTemplates, t => t.UriTemplate == "llmprep://notes/{+path}");
        Assert.All(templates.ResourceTemplates, t => AssertIcon(t.Icons));
        foreach (var uri in new[] { "llmprep://notes/03-rag-and-embeddings/vector-databases", "llmprep://outline", "llmprep://study-plan", "llmprep://glossary", "llmprep://progress" })
        {
            var read = await mcp.Client.ReadResourceAsync(uri);
            Assert.False(string.IsNullOrWhiteSpace(Assert.IsType<TextResourceContents>(read.Contents[0]).Text), uri);
        }

        var topic = await mcp.Client.CompleteAsync(new PromptReference { Name = "quiz_me" }, "topic", "retr");
        Assert.Contains("retrieval", topic.Completion.Values);
        var path = await mcp.Client.CompleteAsync(new ResourceTemplateReference { Uri = "llmprep://notes/{+path}" }, "path", "03-rag-and-embeddings/vector");
        Assert.Contains("03-rag-and-embeddings/vector-databases", path.Completion.Values);
    }

    [Fact]
    public async Task Current_revision_lists_and_reads_carry_caching_hints()
    {
        await using var mcp = await McpHarness.StartAsync(protocolVersion: "2026-07-28");

        var tools = await mcp.Client.ListToolsAsync(new ListToolsRequestParams());
        var prompts = await mcp.Client.ListPromptsAsync(new ListPromptsRequestParams());
        var templates = await mcp.Client.ListResourceTemplatesAsync(new ListResourceTemplatesRequestParams());
        var resources = await mcp.Client.ListResourcesAsync(new ListResourcesRequestParams());
        var note = await mcp.Client.ReadResourceAsync("llmprep://notes/03-rag-and-embeddings/vector-databases");
        var anchored = await mcp.Client.ReadResourceAsync("llmprep://notes/03-rag-and-embeddings/vector-databases#hnsw");
        var outline = await mcp.Client.ReadResourceAsync("llmprep://outline");
        var progress = await mcp.Client.ReadResourceAsync("llmprep://progress");

        foreach (var surface in new ICacheableResult[] { tools, prompts, templates })
        {
            Assert.Equal(TimeSpan.FromHours(1), surface.TimeToLive);
            Assert.Equal(CacheScope.Public, surface.CacheScope);
        }

        foreach (var corpus in new ICacheableResult[] { resources, note, anchored, outline })
        {
            Assert.Equal(TimeSpan.FromMinutes(5), corpus.TimeToLive);
            Assert.Equal(CacheScope.Public, corpus.CacheScope);
        }

        Assert.Equal(TimeSpan.Zero, progress.TimeToLive);
        Assert.Equal(CacheScope.Private, progress.CacheScope);
    }

    [Fact]
    public async Task Handshake_revision_results_carry_no_caching_fields()
    {
        await using var mcp = await McpHarness.StartAsync(protocolVersion: "2025-11-25");

        var tools = await mcp.Client.ListToolsAsync(new ListToolsRequestParams());
        var note = await mcp.Client.ReadResourceAsync("llmprep://notes/03-rag-and-embeddings/vector-databases");

        Assert.Null(tools.TimeToLive);
        Assert.Null(note.CacheScope);
        Assert.Null(tools.ResultType);
    }

    [Fact]
    public async Task Server_discover_names_the_server_its_capabilities_instructions_and_versions()
    {
        await using var mcp = await McpHarness.StartAsync(protocolVersion: "2026-07-28");

        var response = await mcp.Client.SendRequestAsync(new JsonRpcRequest { Method = RequestMethods.ServerDiscover, Params = new System.Text.Json.Nodes.JsonObject() });
        var result = response.Result!;

        Assert.Contains("2026-07-28", result["supportedVersions"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(result["capabilities"]!["resources"]!["subscribe"]!.GetValue<bool>());
        Assert.True(result["capabilities"]!["resources"]!["listChanged"]!.GetValue<bool>());
        Assert.NotNull(result["capabilities"]!["completions"]);
        Assert.Contains("quiz_next", result["instructions"]!.GetValue<string>(), StringComparison.Ordinal);
        var serverInfo = result["_meta"]!["io.modelcontextprotocol/serverInfo"]!;
        Assert.Equal("llmprep", serverInfo["name"]!.GetValue<string>());
        Assert.StartsWith("data:image/svg+xml;base64,", serverInfo["icons"]![0]!["src"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("complete", result["resultType"]!.GetValue<string>());
    }

    private static void AssertIcon(IList<Icon>? icons)
    {
        var icon = Assert.Single(icons ?? []);
        Assert.Equal("image/svg+xml", icon.MimeType);
        Assert.StartsWith("data:image/svg+xml;base64,", icon.Source, StringComparison.Ordinal);
        var svg = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(icon.Source["data:image/svg+xml;base64,".Length..]));
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["any"], icon.Sizes ?? []);
    }
}
