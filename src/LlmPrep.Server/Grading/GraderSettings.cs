using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace LlmPrep.Server.Grading;

/// <summary>
/// A model the person configured as judge (<c>LlmPrep:Grader</c>): any OpenAI-compatible chat-completions endpoint
/// (OpenAI, Azure OpenAI's v1 API, Ollama, LM Studio, llama.cpp's server, vLLM). The API key is read from the environment
/// variable <see cref="ApiKeyVariable"/> names, never from the configuration file itself.
/// </summary>
public sealed record GraderSettings
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Base URL of the API, e.g. <c>https://api.openai.com/v1</c> or <c>http://127.0.0.1:11434/v1</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The model name the endpoint knows, e.g. <c>gpt-4.1-mini</c> or <c>qwen2.5:7b</c>.</summary>
    public string? Model { get; init; }

    /// <summary>The environment variable holding the API key (local servers need none).</summary>
    public string? ApiKeyVariable { get; init; }

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>True when an endpoint and a model are set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);

    public static GraderSettings From(IConfigurationSection section) => new()
    {
        Endpoint = section["Endpoint"],
        Model = section["Model"],
        ApiKeyVariable = section["ApiKeyVariable"],
        Timeout = double.TryParse(section["TimeoutSeconds"], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultTimeout,
    };
}
