using System.Text.Json;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// Turns a judge's per-key-point statuses into an <see cref="AnswerVerdict"/> for a card, refusing anything incomplete:
/// every key point judged exactly once, known statuses, bounded texts. Model replies and quiz_rate input go through the same check.
/// </summary>
public static class VerdictParser
{
    public const int MaxText = 4000;
    public const int MaxFalseClaims = 20;

    /// <summary>Parses a model's reply (strict JSON in <see cref="JudgeRubric.ReplyShape"/>, optionally fenced).</summary>
    public static (AnswerVerdict? Verdict, string? Feedback, string? Problem) ParseReply(QuizCard card, string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return (null, null, "the verdict was not JSON");
        }

        VerdictReply? reply;
        try
        {
            reply = JsonSerializer.Deserialize(text.AsSpan(start, end - start + 1), VerdictJsonContext.Default.VerdictReply);
        }
        catch (JsonException)
        {
            return (null, null, "the verdict was not valid JSON in the rubric's shape");
        }

        if (reply?.KeyPoints is not { } points)
        {
            return (null, null, "the verdict has no key_points list");
        }

        var judgements = new List<KeyPointJudgement>();
        foreach (var point in points)
        {
            if (point?.Index is not { } index || !TryStatus(point.Status, out var status))
            {
                return (null, null, "the verdict has a key point entry without a valid index and status");
            }

            judgements.Add(new KeyPointJudgement(index, status, point.Evidence));
        }

        var feedback = reply.Feedback?.Trim() ?? "";
        if (feedback.Length is 0 or > MaxText)
        {
            return (null, null, "the verdict has no usable feedback");
        }

        var (verdict, problem) = Build(card, judgements, reply.FalseClaims ?? (IReadOnlyList<string>?)null);
        return (verdict, verdict is null ? null : feedback, problem);
    }

    /// <summary>Checks statuses given by key point number and builds the verdict; <paramref name="falseClaims"/> null means none listed.</summary>
    public static (AnswerVerdict? Verdict, string? Problem) Build(QuizCard card, IReadOnlyList<KeyPointJudgement> judgements, IReadOnlyList<string>? falseClaims)
    {
        var count = card.KeyPoints.Count;
        var statuses = new KeyPointVerdict?[count];
        foreach (var judgement in judgements)
        {
            if (judgement.Index < 1 || judgement.Index > count)
            {
                return (null, $"key point {judgement.Index} does not exist: this card has {count} key points, numbered 1 to {count}");
            }

            if (statuses[judgement.Index - 1] is not null)
            {
                return (null, $"key point {judgement.Index} is judged twice");
            }

            if (!Enum.IsDefined(judgement.Status))
            {
                return (null, $"key point {judgement.Index} has an unknown status; use covered, partly, missed or contradicted");
            }

            var evidence = string.IsNullOrWhiteSpace(judgement.Evidence) ? null : Clip(judgement.Evidence.Trim());
            statuses[judgement.Index - 1] = new KeyPointVerdict(card.KeyPoints[judgement.Index - 1], judgement.Status, evidence);
        }

        var unjudged = Enumerable.Range(1, count).Where(i => statuses[i - 1] is null).ToList();
        if (unjudged.Count > 0)
        {
            return (null, $"key point{(unjudged.Count == 1 ? "" : "s")} {string.Join(", ", unjudged)} {(unjudged.Count == 1 ? "is" : "are")} not judged; give one status for each of the {count} key points");
        }

        var claims = (falseClaims ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => Clip(c.Trim())).ToList();
        if (claims.Count > MaxFalseClaims)
        {
            return (null, $"at most {MaxFalseClaims} false claims can be listed");
        }

        return (new AnswerVerdict(statuses.Select(s => s!).ToList(), claims), null);
    }

    public static bool TryStatus(string? text, out KeyPointStatus status)
    {
        status = default;
        return text is not null && Enum.TryParse(text.Trim(), ignoreCase: true, out status) && Enum.IsDefined(status)
            && !int.TryParse(text, out _);
    }

    private static string Clip(string text) => text.Length <= MaxText ? text : text[..MaxText];
}
