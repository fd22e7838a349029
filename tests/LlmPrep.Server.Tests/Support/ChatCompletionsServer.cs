using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmPrep.Server.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol (<c>POST /v1/chat/completions</c>),
/// answering with whatever the test scripts: a model reply, an HTTP error, or nothing until the caller gives up.
/// </summary>
public sealed class ChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChatCompletionsServer(WebApplication app) => _app = app;

    /// <summary>Every request body received, and its Authorization header.</summary>
    public List<(JsonNode Body, string? Authorization)> Requests { get; } = [];

    public string Endpoint { get; private set; } = "";

    /// <param name="reply">Given the request's messages, the reply: <see cref="Content"/>, <see cref="Status"/> or <see cref="Hang"/>.</param>
    public static async Task<ChatCompletionsServer> StartAsync(Func<JsonNode, Reply> reply)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ChatCompletionsServer(app);
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!;
            lock (server.Requests)
            {
                server.Requests.Add((body, context.Request.Headers.Authorization.ToString()));
            }

            var answer = reply(body);
            if (answer.Hang)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            context.Response.StatusCode = answer.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Raw ? answer.Text : answer.StatusCode == 200 ? Completion(body, answer.Text) : new JsonObject { ["error"] = new JsonObject { ["message"] = answer.Text, ["type"] = "invalid_request_error" } }.ToJsonString());
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    public static Reply Content(string text) => new(200, text, false);

    public static Reply Status(int code, string message = "refused") => new(code, message, false);

    public static Reply Hang() => new(0, "", true);

    /// <summary>A 200 reply whose body is not a chat completion at all.</summary>
    public static Reply Body(string body) => new(200, body, false, Raw: true);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Completion(JsonNode request, string content) => new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1764000000,
        ["model"] = request["model"]?.GetValue<string>() ?? "test",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 50, ["total_tokens"] = 150 },
    }.ToJsonString(new JsonSerializerOptions { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() });

    public sealed record Reply(int StatusCode, string Text, bool Hang, bool Raw = false);
}
