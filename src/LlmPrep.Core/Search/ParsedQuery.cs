namespace LlmPrep.Core.Search;

/// <summary>A search query as understood: what must match, and what must not.</summary>
public sealed record ParsedQuery(IReadOnlyList<QueryTerm> Include, IReadOnlyList<QueryTerm> Exclude)
{
    public bool IsEmpty => Include.Count == 0;

    /// <summary>The FTS5 MATCH expression: every included term (<paramref name="all"/>) or any of them, minus the excluded ones.</summary>
    public string ToMatch(bool all)
    {
        var include = string.Join(all ? " AND " : " OR ", Include.Select(t => t.ToFts()));
        return Exclude.Count == 0
            ? include
            : $"({include}) NOT ({string.Join(" OR ", Exclude.Select(t => t.ToFts()))})";
    }
}
