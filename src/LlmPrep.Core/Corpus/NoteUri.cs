namespace LlmPrep.Core.Corpus;

/// <summary>
/// The <c>llmprep://notes/{path}#anchor</c> addresses of notes, and the checks that turn what a
/// person or model typed (a URI, a relative path, or a note id) into a note safely.
/// </summary>
public static class NoteUri
{
    public const string Scheme = "llmprep://";
    public const string NotesPrefix = "llmprep://notes/";
    public const int MaxLength = 1024;

    public static string For(Note note, string? anchor = null) => ForPath(note.Path, anchor);

    /// <summary>The URI of a note path (segments percent-encoded, so vault names with spaces stay valid URIs).</summary>
    public static string ForPath(string path, string? anchor = null)
    {
        var uri = NotesPrefix + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        return string.IsNullOrEmpty(anchor) ? uri : $"{uri}#{anchor}";
    }

    /// <summary>Resolves a URI, path or note id to a note and an optional section anchor.</summary>
    /// <returns>The note and anchor, or an error message that tells the caller what to send instead.</returns>
    /// <summary>The MCP tools that find notes, named in the error for an unknown note; the command line names its own commands.</summary>
    public const string ToolHint = "Use list_topics or search_notes to find notes";

    public static (Note? Note, string? Anchor, string? Error) Resolve(CorpusSnapshot corpus, string? reference, string findHint = ToolHint)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return Fail("the note reference is empty; pass a URI such as llmprep://notes/01-foundations/transformers-attention, a path, or a note id");
        }

        reference = reference.Trim();
        if (reference.Length > MaxLength)
        {
            return Fail($"the note reference is {reference.Length} characters long; the limit is {MaxLength}");
        }

        string? anchor = null;
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            anchor = Slug.From(Uri.UnescapeDataString(reference[(hash + 1)..]));
            reference = reference[..hash];
        }

        var path = reference;
        if (path.StartsWith(NotesPrefix, StringComparison.OrdinalIgnoreCase))
        {
            path = Uri.UnescapeDataString(path[NotesPrefix.Length..]);
        }
        else if (path.Contains("://", StringComparison.Ordinal))
        {
            return Fail($"'{reference}' is not a note URI; note URIs start with {NotesPrefix}");
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return Fail("the note reference contains a NUL character");
        }

        path = path.Replace('\\', '/');
        if (path.StartsWith('/') || path.StartsWith('~') || (path.Length > 1 && path[1] == ':'))
        {
            return Fail($"'{reference}' is an absolute path; notes are addressed relative to the corpus, e.g. 03-rag-and-embeddings/hybrid-search");
        }

        if (path.Split('/').Any(segment => segment is ".." or "."))
        {
            return Fail($"'{reference}' contains '.' or '..' segments; paths cannot leave the corpus");
        }

        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^3];
        }

        var note = corpus.FindByPath(path) ?? (path.Contains('/') ? null : corpus.FindById(path));
        if (note is null)
        {
            return Fail($"no note at '{reference}'{Suggest(corpus, path)}. {findHint}");
        }

        if (!string.IsNullOrEmpty(anchor) && note.FindSection(anchor) is null)
        {
            var anchors = string.Join(", ", note.Sections.Where(s => s.Depth == 2).Select(s => s.Anchor));
            return (null, null, $"note '{note.Id}' has no section '#{anchor}'; its sections are: {anchors}");
        }

        return (note, string.IsNullOrEmpty(anchor) ? null : anchor, null);
    }

    private static string Suggest(CorpusSnapshot corpus, string path)
    {
        var last = path[(path.LastIndexOf('/') + 1)..];
        var close = corpus.Notes
            .Where(n => n.Id.Contains(last, StringComparison.OrdinalIgnoreCase) || last.Contains(n.Id, StringComparison.OrdinalIgnoreCase))
            .Take(3)
            .Select(n => NotesPrefix + n.Path)
            .ToList();
        return close.Count == 0 ? "" : $" (did you mean {string.Join(" or ", close)}?)";
    }

    private static (Note?, string?, string?) Fail(string message) => (null, null, message);
}
