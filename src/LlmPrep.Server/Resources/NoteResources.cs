using System.ComponentModel;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Resources;

[McpServerResourceType]
public sealed class NoteResources(LibraryHost host)
{
    /// <summary>The note that holds the glossary.</summary>
    public const string GlossaryId = "key-terminology";

    [McpServerResource(UriTemplate = "llmprep://notes/{+path}", Name = "note", Title = "Study note", MimeType = "text/markdown")]
    [Description("A study note as markdown, addressed by its path in the corpus (e.g. 03-rag-and-embeddings/hybrid-search); append #anchor for one section.")]
    public async Task<TextResourceContents> ReadNote(RequestContext<ReadResourceRequestParams> context, string path, CancellationToken cancellationToken)
    {
        _ = path; // the full URI (with any #anchor) is resolved below
        var library = await host.GetAsync(cancellationToken);
        return Read(library.Corpus, context.Params!.Uri);
    }

    /// <summary>Reads a note URI (with an optional #anchor) or fails with a clear "not found" error.</summary>
    public static TextResourceContents Read(CorpusSnapshot corpus, string uri)
    {
        var (note, anchor, error) = NoteUri.Resolve(corpus, uri);
        if (note is null)
        {
            throw new McpProtocolException(error!, McpErrorCode.ResourceNotFound);
        }

        var text = anchor is null ? note.Body.Trim() : note.FindSection(anchor)!.Markdown;
        return new TextResourceContents { Uri = uri, MimeType = "text/markdown", Text = text };
    }

    [McpServerResource(UriTemplate = "llmprep://study-plan", Name = "study-plan", Title = "Study plan", MimeType = "text/markdown")]
    [Description("The study order: a 3-day plan with minutes per note, a few-hours track, and the must/good/nice priority checklist.")]
    public async Task<TextResourceContents> ReadStudyPlan(CancellationToken cancellationToken)
    {
        var corpus = (await host.GetAsync(cancellationToken)).Corpus;
        var notes = new[] { CorpusSnapshot.StudyPlanId, "priority-checklist" }.Select(corpus.FindById).OfType<Note>().ToList();
        if (notes.Count == 0)
        {
            throw new McpProtocolException("this corpus has no study-plan note", McpErrorCode.ResourceNotFound);
        }

        return new TextResourceContents
        {
            Uri = "llmprep://study-plan",
            MimeType = "text/markdown",
            Text = string.Join("\n\n---\n\n", notes.Select(n => n.Body.Trim())),
        };
    }

    [McpServerResource(UriTemplate = "llmprep://glossary", Name = "glossary", Title = "Glossary", MimeType = "text/markdown")]
    [Description("Key terms and acronyms of LLM engineering, grouped by topic, each with a one-line definition and the note that explains it.")]
    public async Task<TextResourceContents> ReadGlossary(CancellationToken cancellationToken)
    {
        var corpus = (await host.GetAsync(cancellationToken)).Corpus;
        var glossary = corpus.FindById(GlossaryId)
            ?? throw new McpProtocolException("this corpus has no glossary note", McpErrorCode.ResourceNotFound);
        return new TextResourceContents { Uri = "llmprep://glossary", MimeType = "text/markdown", Text = glossary.Body.Trim() };
    }

    [McpServerResource(UriTemplate = "llmprep://outline", Name = "outline", Title = "Corpus outline", MimeType = "text/markdown")]
    [Description("The table of contents: sections in study order with every note's level, priority, minutes, card count and summary.")]
    public async Task<TextResourceContents> ReadOutline(CancellationToken cancellationToken)
    {
        var library = await host.GetAsync(cancellationToken);
        return new TextResourceContents
        {
            Uri = "llmprep://outline",
            MimeType = "text/markdown",
            Text = CorpusOutline.Build(library.Corpus).ToMarkdown(),
        };
    }
}
