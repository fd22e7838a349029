using System.ComponentModel;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Resources;

[McpServerResourceType]
public sealed class ProgressResources(LibraryHost library, QuizHost quiz)
{
    public const string Uri = "llmprep://progress";

    [McpServerResource(UriTemplate = "llmprep://progress", Name = "progress", Title = "Interview readiness", MimeType = "text/markdown")]
    [Description("Readiness overall and per section, weakest topics, due reviews and streak, from the person's quiz history.")]
    public async Task<TextResourceContents> ReadProgress(CancellationToken cancellationToken)
    {
        var corpus = (await library.GetAsync(cancellationToken)).Corpus;
        try
        {
            return new TextResourceContents { Uri = Uri, MimeType = "text/markdown", Text = quiz.Service.Report(corpus).ToMarkdown() };
        }
        catch (Exception ex) when (ex is QuizException or Core.Progress.ProgressStoreException)
        {
            // The reason is the content: a client that reads the resource shows the person what is wrong and what to do.
            return new TextResourceContents
            {
                Uri = Uri,
                MimeType = "text/markdown",
                Text = $"# Interview readiness\n\nYour progress cannot be shown: {ex.Message}\n",
            };
        }
    }
}
