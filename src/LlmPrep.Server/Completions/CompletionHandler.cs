using LlmPrep.Core.Completion;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Hosting;
using LlmPrep.Server.Prompts;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Completions;

/// <summary>
/// Answers completion/complete for the prompt arguments that name corpus things (topics, concepts, scenarios,
/// themes, styles, levels) and for the note template's path, ranked by <see cref="CompletionList"/>: prefix, then
/// word start, then fuzzy, at most 100 values with the total. Free-text arguments (a background, a project) get none.
/// </summary>
internal static class CompletionHandler
{
    public const string NoteTemplate = "llmprep://notes/{+path}";

    private static readonly CompletionList Styles = new(InterviewStyles.Names);
    private static readonly CompletionList Levels = new(InterviewLevels.Names);
    private static readonly CompletionList Minutes = new(["45", "30", "60", "20", "90", "120"]);
    private static readonly CompletionList Days = new(["3", "1", "2", "5", "7", "14", "30"]);
    private static readonly CompletionList Hours = new(["3", "2", "1", "4", "6", "8"]);
    private static readonly CompletionList Counts = new(["5", "10", "3", "20"]);
    private static readonly CompletionList Limits = new(["10", "5", "20", "50"]);

    public static async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken)
    {
        var request = context.Params ?? throw new McpProtocolException("completion/complete needs params", McpErrorCode.InvalidParams);
        var argument = request.Argument;
        if (request.Ref is PromptReference prompt && context.Server.ServerOptions.PromptCollection?.TryGetPrimitive(prompt.Name, out _) != true)
        {
            throw new McpProtocolException($"unknown prompt '{prompt.Name}'", McpErrorCode.InvalidParams);
        }

        if (request.Ref is ResourceTemplateReference template && template.Uri != NoteTemplate)
        {
            throw new McpProtocolException($"unknown resource template '{template.Uri}'; the note template is {NoteTemplate}", McpErrorCode.InvalidParams);
        }

        var library = await context.Services!.GetRequiredService<LibraryHost>().GetAsync(cancellationToken);
        var corpus = library.Corpus;
        var result = request.Ref switch
        {
            PromptReference p => ListFor(CorpusVocabulary.For(corpus), p.Name, argument.Name, request.Context?.Arguments)?.Complete(argument.Value),
            ResourceTemplateReference when argument.Name == "path" => CompletePath(corpus, argument.Value ?? ""),
            _ => null,
        } ?? CompletionResult.Empty;

        return new CompleteResult
        {
            Completion = new Completion { Values = [.. result.Values], Total = result.Total, HasMore = result.HasMore },
        };
    }

    private static CompletionList? ListFor(CorpusVocabulary vocabulary, string prompt, string argument, IDictionary<string, string>? given) =>
        (prompt, argument) switch
        {
            ("mock_interview", "topic") => StyleOf(given) switch
            {
                InterviewStyle.SystemDesign => vocabulary.Scenarios,
                InterviewStyle.Behavioural => vocabulary.ThemeNames,
                _ => vocabulary.Topics,
            },
            ("mock_interview", "level") => Levels,
            ("mock_interview", "style") => Styles,
            ("mock_interview", "minutes") => Minutes,
            ("explain_concept", "concept") => vocabulary.Concepts,
            ("system_design", "scenario") => vocabulary.Scenarios,
            ("behavioral_story", "theme") => vocabulary.ThemeNames,
            ("study_plan", "focus") => vocabulary.Topics,
            ("study_plan", "days") => Days,
            ("study_plan", "hours_per_day") => Hours,
            ("quiz_me", "topic") => vocabulary.Topics,
            ("quiz_me", "count") => Counts,
            ("review_mistakes", "limit") => Limits,
            ("review_mistakes", "topic") => vocabulary.Topics,
            _ => null,
        };

    /// <summary>The style already chosen in this prompt's form decides what a mock interview's topic means.</summary>
    private static InterviewStyle StyleOf(IDictionary<string, string>? given)
    {
        try
        {
            return given is not null && given.TryGetValue("style", out var style) ? InterviewStyles.Parse(style) : InterviewStyle.Technical;
        }
        catch (McpProtocolException)
        {
            return InterviewStyle.Technical;
        }
    }

    /// <summary>Note paths; after a '#', the anchors of that note's sections.</summary>
    private static CompletionResult CompletePath(CorpusSnapshot corpus, string typed)
    {
        if (typed.StartsWith(NoteUri.NotesPrefix, StringComparison.OrdinalIgnoreCase))
        {
            typed = typed[NoteUri.NotesPrefix.Length..];
        }

        var hash = typed.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0)
        {
            return CorpusVocabulary.For(corpus).Paths.Complete(typed);
        }

        var note = corpus.FindByPath(typed[..hash]) ?? corpus.FindById(typed[..hash]);
        return note is null
            ? CompletionResult.Empty
            : new CompletionList(note.Sections.Where(s => s.Depth >= 2).Select(s => $"{note.Path}#{s.Anchor}")).Complete($"{note.Path}#{typed[(hash + 1)..]}");
    }
}
