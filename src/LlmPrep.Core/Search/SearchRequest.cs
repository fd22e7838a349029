using LlmPrep.Core.Index;

namespace LlmPrep.Core.Search;

/// <summary>A search as a caller asks for it.</summary>
public sealed record SearchRequest(string Query)
{
    public IndexFilter Filter { get; init; } = IndexFilter.None;

    public int Limit { get; init; } = SearchService.DefaultLimit;

    public int Offset { get; init; }

    /// <summary>Stop adding hits once their estimated size passes this many tokens (at least one hit is returned).</summary>
    public int MaxTokens { get; init; } = SearchService.DefaultMaxTokens;
}
