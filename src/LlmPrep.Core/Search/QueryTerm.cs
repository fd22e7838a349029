namespace LlmPrep.Core.Search;

/// <summary>One searchable unit of a query: a word, a prefix (<c>word*</c>) or a phrase (<c>"two words"</c>).</summary>
/// <param name="Words">The words, already split and lower-cased; more than one makes a phrase.</param>
/// <param name="IsPrefix">True for <c>word*</c>: match any word that starts with it.</param>
public sealed record QueryTerm(IReadOnlyList<string> Words, bool IsPrefix)
{
    /// <summary>The term as an FTS5 string: every word is quoted, so no FTS5 syntax can pass through.</summary>
    public string ToFts() => "\"" + string.Join(' ', Words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (IsPrefix ? "*" : "");
}
