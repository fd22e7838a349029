using System.CommandLine;
using LlmPrep.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace LlmPrep.Server.Cli;

/// <summary>
/// <c>llmprep health</c>: asks a running <c>serve --http</c> whether it is up, for container health
/// checks (the runtime image has no curl). The server side is the <c>/health</c> endpoint.
/// </summary>
internal static class HealthCommand
{
    public const string Path = "/health";

    public static Command Create()
    {
        var url = new Option<string>("--url")
        {
            Description = $"The health endpoint to ask (default {ServeCommand.DefaultUrls}{Path}).",
            DefaultValueFactory = _ => ServeCommand.DefaultUrls + Path,
        };
        var command = new Command("health", "Check that an HTTP server (serve --http) is up: exits 0 when it answers, 1 otherwise.") { url };
        command.SetAction((result, cancellationToken) => CheckAsync(result.GetValue(url)!, cancellationToken));
        return command;
    }

    public static Task RespondAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync($$"""{"status":"ok","version":"{{McpServerSetup.Version}}"}""", context.RequestAborted);
    }

    private static async Task<int> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Console.Error.WriteLine($"llmprep health: '{url}' is not an http(s) URL.");
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Console.WriteLine($"{(int)response.StatusCode} {body}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"llmprep health: no answer from {uri}: {e.Message}");
            return 1;
        }
    }
}
