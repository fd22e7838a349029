using System.ComponentModel;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Resources;

[McpServerResourceType]
public sealed class ProblemResources(LibraryHost host)
{
    [McpServerResource(UriTemplate = ProblemReport.ResourceUri, Name = "problems", Title = "Corpus problems", MimeType = "text/markdown")]
    [Description("Every problem found in the notes (broken front matter, malformed quiz cards, links to no note), by file with line numbers.")]
    public async Task<TextResourceContents> ReadProblems(CancellationToken cancellationToken)
    {
        var library = await host.GetAsync(cancellationToken);
        var text = ProblemReport.ToMarkdown(library.Corpus.Problems);
        if (library.IndexWarning is { } warning)
        {
            text += $"\n## Search index\n\n- warning: {warning}\n";
        }

        return new TextResourceContents { Uri = ProblemReport.ResourceUri, MimeType = "text/markdown", Text = text };
    }
}
