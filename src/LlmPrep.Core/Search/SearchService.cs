using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Index;

namespace LlmPrep.Core.Search;

/// <summary>
/// Ranked full-text search over the index: parses the query safely, validates filters, tries every
/// term first and widens to any term when nothing has them all, and fits the page to a token budget.
/// </summary>
public sealed partial class SearchService(NoteIndex index)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    public const int MaxOffset = 10_000;
    public const int MaxQueryLength = 1_000;
    public const int DefaultMaxTokens = 2_000;

    public SearchResult Search(CorpusSnapshot corpus, SearchRequest request)
    {
        var query = Validate(request);
        var parsed = QueryParser.Parse(query);
        if (parsed.IsEmpty && parsed.Exclude.Count > 0)
        {
            var excluded = string.Join(' ', parsed.Exclude[0].Words);
            throw new SearchException(
                $"the query '{Shorten(query)}' has only exclusions: a query cannot consist only of -words. Add a word to search for, e.g. 'attention -{excluded}'");
        }

        if (parsed.IsEmpty)
        {
            throw new SearchException($"the query '{Shorten(query)}' has no words to search for; use letters or digits (\"phrases\", prefix* and -exclusions are supported)");
        }

        var filter = Normalize(corpus, request.Filter);
        var (rows, total) = index.Search(corpus, parsed.ToMatch(all: true), filter, request.Limit, request.Offset);
        var mode = "all";
        if (total == 0 && parsed.Include.Count > 1)
        {
            (rows, total) = index.Search(corpus, parsed.ToMatch(all: false), filter, request.Limit, request.Offset);
            mode = "any";
        }

        var hits = new List<SearchHit>(rows.Count);
        var tokens = 0;
        var truncated = false;
        foreach (var row in rows)
        {
            var hit = ToHit(row);
            var cost = EstimateTokens(hit);
            if (hits.Count > 0 && tokens + cost > request.MaxTokens)
            {
                truncated = true;
                break;
            }

            tokens += cost;
            hits.Add(hit);
        }

        var next = request.Offset + hits.Count;
        return new SearchResult(query, Describe(parsed), mode, total, hits, next < total ? next : null, truncated);
    }

    /// <summary>Rough token count of a hit as a client would receive it (4 characters a token).</summary>
    public static int EstimateTokens(SearchHit hit) => (hit.Uri.Length + hit.Title.Length + hit.Heading.Length + hit.Snippet.Length + 80) / 4;

    private static string Validate(SearchRequest request)
    {
        var query = request.Query?.Trim() ?? "";
        if (query.Length == 0)
        {
            throw new SearchException("the query is empty; pass the words to search for, e.g. \"reciprocal rank fusion\"");
        }

        if (query.Length > MaxQueryLength)
        {
            throw new SearchException($"the query is {query.Length:N0} characters long; the limit is {MaxQueryLength:N0}. Search with a few key words instead");
        }

        if (request.Limit is < 1 or > MaxLimit)
        {
            throw new SearchException($"limit must be between 1 and {MaxLimit}; got {request.Limit}");
        }

        if (request.Offset is < 0 or > MaxOffset)
        {
            throw new SearchException($"offset must be between 0 and {MaxOffset}; got {request.Offset}");
        }

        if (request.MaxTokens < 50)
        {
            throw new SearchException($"max_tokens must be at least 50; got {request.MaxTokens}");
        }

        return query;
    }

    private static IndexFilter Normalize(CorpusSnapshot corpus, IndexFilter filter) => new()
    {
        Sections = filter.Sections.Select(s => ResolveSection(corpus, s)).ToList(),
        Levels = filter.Levels.Select(l => CorpusEnums.TryParseLevel(l, out var level)
            ? level.ToText()
            : throw new SearchException($"level '{l}' is not one of {string.Join(", ", CorpusEnums.LevelNames)}")).ToList(),
        Priorities = filter.Priorities.Select(p => CorpusEnums.TryParsePriority(p, out var priority)
            ? priority.ToText()
            : throw new SearchException($"priority '{p}' is not one of {string.Join(", ", CorpusEnums.PriorityNames)}")).ToList(),
        Tags = filter.Tags.Select(t => t.Trim().TrimStart('#').ToLowerInvariant()).Where(t => t.Length > 0).ToList(),
    };

    /// <summary>Accepts a section's full folder name, its number ("03") or its name without the number ("rag-and-embeddings").</summary>
    public static string ResolveSection(CorpusSnapshot corpus, string section) =>
        corpus.ResolveSection(section)
        ?? throw new SearchException($"section '{section}' does not exist; sections are: {string.Join(", ", corpus.Sections)}");

    private static SearchHit ToHit(IndexRow row)
    {
        var uri = NoteUri.ForPath(row.NotePath);
        return new SearchHit(
            row.Anchor.Length == 0 ? uri : $"{uri}#{row.Anchor}",
            uri,
            row.NoteId,
            row.NoteTitle,
            row.Anchor.Length == 0 ? row.NoteTitle : row.Heading,
            row.Anchor,
            row.Section,
            row.Level,
            row.Priority,
            CleanSnippet(row.Snippet),
            Math.Round(-row.Rank, 3));
    }

    private static string CleanSnippet(string snippet)
    {
        // The source's own bold and italic marks would double up with the match marks (****FlashAttention****).
        snippet = SourceEmphasis().Replace(snippet, "");
        var builder = new StringBuilder(snippet.Length);
        var lastWasSpace = false;
        foreach (var c in snippet)
        {
            if (c == '\u0002' || c == '\u0003')
            {
                builder.Append("**");
                lastWasSpace = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
            }
            else
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }

        return builder.ToString().Trim().TrimStart('#', ' ');
    }

    /// <summary>Runs of two or more <c>*</c> (bold marks), and <c>*</c> or <c>_</c> marks touching a match mark.</summary>
    [GeneratedRegex("\\*{2,}|(?<=[\u0002\u0003])[*_]+|[*_]+(?=[\u0002\u0003])")]
    private static partial Regex SourceEmphasis();

    private static string Describe(ParsedQuery parsed)
    {
        static string Term(QueryTerm t) => (t.Words.Count > 1 ? $"\"{string.Join(' ', t.Words)}\"" : t.Words[0]) + (t.IsPrefix ? "*" : "");
        var text = string.Join(' ', parsed.Include.Select(Term));
        return parsed.Exclude.Count == 0 ? text : text + " " + string.Join(' ', parsed.Exclude.Select(t => "-" + Term(t)));
    }

    private static string Shorten(string text) =>
        text.Length <= 40 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..40]}…");
}
