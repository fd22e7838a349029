namespace LlmPrep.Core.Search;

/// <summary>A page of search hits.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="Interpreted">The terms searched for, as understood (quoted words, prefixes, exclusions).</param>
/// <param name="MatchMode"><c>all</c> when every term had to match; <c>any</c> when no section had them all and the search was widened.</param>
/// <param name="Total">How many sections matched in all.</param>
/// <param name="Hits">This page of hits, best first.</param>
/// <param name="NextOffset">The offset of the next page, or null when there is none.</param>
/// <param name="Truncated">True when the token budget cut the page short.</param>
public sealed record SearchResult(
    string Query,
    string Interpreted,
    string MatchMode,
    int Total,
    IReadOnlyList<SearchHit> Hits,
    int? NextOffset,
    bool Truncated);
