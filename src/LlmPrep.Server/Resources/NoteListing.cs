using System.Globalization;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Resources;

/// <summary>Lists every note as a resource, a page at a time (the cursor is the offset of the next page).</summary>
internal static class NoteListing
{
    public const int PageSize = 50;

    public static async ValueTask<ListResourcesResult> ListAsync(RequestContext<ListResourcesRequestParams> context, CancellationToken cancellationToken)
    {
        var host = context.Services!.GetRequiredService<LibraryHost>();
        var library = await host.GetAsync(cancellationToken);
        var notes = library.Corpus.Notes;

        // A client that lists resources wants to hear when the list changes.
        context.Services!.GetRequiredService<ResourceSubscriptions>().Track(context.Server);
        var start = 0;
        if (context.Params?.Cursor is { } cursor && (!int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > notes.Count))
        {
            throw new McpProtocolException($"invalid cursor '{cursor}'", McpErrorCode.InvalidParams);
        }

        var page = notes.Skip(start).Take(PageSize).Select(ToResource).ToList();
        var next = start + page.Count;
        return new ListResourcesResult
        {
            Resources = page,
            NextCursor = next < notes.Count ? next.ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    /// <summary>
    /// Reads note URIs the template cannot match (a #anchor for one section), so anchors work and
    /// unknown or unsafe URIs get a message that says what is wrong.
    /// </summary>
    public static async ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> context, CancellationToken cancellationToken)
    {
        var host = context.Services!.GetRequiredService<LibraryHost>();
        var library = await host.GetAsync(cancellationToken);
        var uri = context.Params?.Uri ?? "";
        if (!uri.StartsWith(NoteUri.NotesPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new McpProtocolException($"unknown resource '{uri}'; resources are llmprep://notes/{{path}}, llmprep://outline, llmprep://study-plan, llmprep://glossary, llmprep://progress and llmprep://problems", McpErrorCode.ResourceNotFound);
        }

        return new ReadResourceResult { Contents = [NoteResources.Read(library.Corpus, uri)] };
    }

    private static Resource ToResource(Note note) => new()
    {
        Uri = NoteUri.For(note),
        Name = note.Id,
        Title = note.Title,
        Description = note.Summary.Length > 0 ? note.Summary : null,
        MimeType = "text/markdown",
        Size = System.Text.Encoding.UTF8.GetByteCount(note.Body.Trim()),
    };
}
