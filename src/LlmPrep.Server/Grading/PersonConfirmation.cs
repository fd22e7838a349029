using System.Globalization;
using System.Text.Json;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace LlmPrep.Server.Grading;

/// <summary>
/// Asks the person, through elicitation, which key points their answer covered (one checkbox each, ticked as the judge
/// saw it) and offers the rating that follows. The SDK sends it as an <c>elicitation/create</c> request to 2025-11-25
/// clients and as an input request (<c>InputRequiredResult</c>, multi round-trip) to 2026-07-28 clients. Their verdict
/// wins; decline, cancel, an error or a client without elicitation leaves the judge's rating.
/// </summary>
public sealed class PersonConfirmation(ILogger<PersonConfirmation> logger)
{
    public const string RatingField = "rating";

    public static bool IsAvailable(McpServer server) => server.ClientCapabilities?.Elicitation is not null;

    public static string Field(int index) => string.Create(CultureInfo.InvariantCulture, $"point_{index + 1}");

    /// <summary>The form: a checkbox per key point, then the rating, defaulting to the one <paramref name="suggested"/> gives.</summary>
    public static ElicitRequestParams Form(QuizCard card, AnswerVerdict suggested, Rating suggestedRating)
    {
        var properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition>();
        for (var i = 0; i < card.KeyPoints.Count; i++)
        {
            properties[Field(i)] = new ElicitRequestParams.BooleanSchema
            {
                Title = card.KeyPoints[i],
                Description = "Tick it if your answer stated this correctly.",
                Default = suggested.KeyPoints[i].Status == KeyPointStatus.Covered,
            };
        }

        properties[RatingField] = new ElicitRequestParams.TitledSingleSelectEnumSchema
        {
            Title = "Rating",
            Description = "Leave it to rate by the points you ticked; choose another to overrule.",
            OneOf = [.. Enum.GetValues<Rating>().Select(r => new ElicitRequestParams.EnumSchemaOption { Const = Name(r), Title = Title(r) })],
            Default = Name(suggestedRating),
        };

        var covered = suggested.KeyPoints.Count(k => k.Status == KeyPointStatus.Covered);
        return new ElicitRequestParams
        {
            Message = string.Create(CultureInfo.InvariantCulture,
                $"Which key points did your answer cover? The judge counted {covered} of {card.KeyPoints.Count}, which rates it {Name(suggestedRating)}. Your verdict is the one saved."),
            RequestedSchema = new ElicitRequestParams.RequestSchema { Properties = properties },
        };
    }

    /// <summary>Asks the person; null when they decline or cancel, the client cannot ask, or the request fails.</summary>
    public async Task<PersonVerdict?> AskAsync(McpServer server, QuizCard card, AnswerVerdict suggested, Rating suggestedRating, CancellationToken cancellationToken)
    {
        if (!IsAvailable(server) || card.KeyPoints.Count == 0)
        {
            return null;
        }

        try
        {
            var result = await server.ElicitAsync(Form(card, suggested, suggestedRating), cancellationToken);
            return result.IsAccepted ? Read(card, result.Content, suggestedRating) : null;
        }
        catch (Exception ex) when (ex is McpException or InvalidOperationException)
        {
            logger.LogWarning("Asking the person to confirm {Card} failed: {Problem}", card.Id, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// The person's verdict from the form: ticked points covered, the rest missed. A rating changed from the one offered
    /// overrules; otherwise the rating follows from the ticks by the one rule.
    /// </summary>
    public static PersonVerdict Read(QuizCard card, IDictionary<string, JsonElement>? content, Rating offered)
    {
        var points = card.KeyPoints
            .Select((point, i) => new KeyPointVerdict(point, IsTicked(content, Field(i)) ? KeyPointStatus.Covered : KeyPointStatus.Missed))
            .ToList();
        var verdict = new AnswerVerdict(points, []);
        var chosen = content is not null && content.TryGetValue(RatingField, out var value) && value.ValueKind == JsonValueKind.String
            && Enum.TryParse<Rating>(value.GetString(), ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : offered;
        return new PersonVerdict(verdict, chosen != offered ? chosen : verdict.ToRating());
    }

    private static bool IsTicked(IDictionary<string, JsonElement>? content, string field) =>
        content is not null && content.TryGetValue(field, out var value)
        && (value.ValueKind == JsonValueKind.True
            || (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var ticked) && ticked));

    private static string Name(Rating rating) => rating.ToString().ToLowerInvariant();

    private static string Title(Rating rating) => rating switch
    {
        Rating.Again => "Again: wrong or blank",
        Rating.Hard => "Hard: partly right",
        Rating.Good => "Good: right, minor gaps",
        _ => "Easy: complete and fluent",
    };
}
