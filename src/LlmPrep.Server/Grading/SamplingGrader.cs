using System.Globalization;
using System.Text;
using System.Text.Json;
using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Sampling is how today's clients (protocol 2025-11-25: VS Code, the TypeScript SDK) lend their model;
// the SDK marks it obsolete (MCP9005) only because the 2026-07-28 revision moves it.
#pragma warning disable MCP9005

namespace LlmPrep.Server.Grading;

/// <summary>
/// Grades an answer with the client's own model through MCP sampling: a strict rubric prompt asks for a
/// JSON verdict (each key point covered or not, a rating, feedback). A malformed, refused or late reply
/// returns a reason instead of a grade, and the caller falls back to the deterministic grader.
/// </summary>
public static class SamplingGrader
{
    public const string Name = "sampling";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private const string SystemPrompt = """
        You are a strict technical interviewer grading a candidate's spoken answer for an LLM / GenAI engineering role.
        Judge only against the reference answer and the numbered key points. A key point is covered when the answer states
        its substance correctly, in any words; vague gestures or wrong facts do not count. Reply with JSON only, no prose:
        {"key_points":[{"index":1,"covered":true}, ...],"rating":"again|hard|good|easy","feedback":"one short paragraph to the candidate"}
        Ratings: again = mostly wrong or missing; hard = partly right with important gaps; good = correct with minor gaps;
        easy = complete, precise and fluent.
        """;

    /// <summary>Sampling is tried only for 2025-11-25 clients that declared it; 2026-07-28 deprecates it, so those clients are never sampled.</summary>
    public static bool IsAvailable(McpServer server) => Hosting.ClientProfile.Of(server).CanSample;

    public static async Task<(Grade? Grade, string? Problem)> TryGradeAsync(McpServer server, QuizCard card, string answer, CancellationToken cancellationToken)
    {
        if (!IsAvailable(server))
        {
            return (null, "the client does not offer sampling");
        }

        var request = new CreateMessageRequestParams
        {
            SystemPrompt = SystemPrompt,
            Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = Rubric(card, answer) }] }],
            MaxTokens = 800,
            Temperature = 0,
            IncludeContext = ContextInclusion.None,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            var result = await server.SampleAsync(request, timeout.Token);
            var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
            return Parse(card, text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "the client's model did not answer in time");
        }
        catch (McpException ex)
        {
            return (null, $"sampling failed: {ex.Message}");
        }
    }

    public static string Rubric(QuizCard card, string answer)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Question: {card.Question}").AppendLine();
        text.AppendLine("Reference answer:").AppendLine(card.Answer).AppendLine();
        text.AppendLine("Key points:");
        for (var i = 0; i < card.KeyPoints.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {card.KeyPoints[i]}");
        }

        text.AppendLine().AppendLine("Candidate's answer:").AppendLine(answer.Length == 0 ? "(no answer)" : answer);
        return text.ToString();
    }

    /// <summary>Validates a verdict: every key point judged once, a known rating, feedback text.</summary>
    public static (Grade? Grade, string? Problem) Parse(QuizCard card, string text)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return (null, "the model's verdict was not JSON");
        }

        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            var root = document.RootElement;
            if (!root.TryGetProperty("key_points", out var points) || points.ValueKind != JsonValueKind.Array)
            {
                return (null, "the verdict has no key_points list");
            }

            var covered = new bool?[card.KeyPoints.Count];
            foreach (var point in points.EnumerateArray())
            {
                if (!point.TryGetProperty("index", out var index) || !index.TryGetInt32(out var i) || i < 1 || i > covered.Length
                    || !point.TryGetProperty("covered", out var flag) || flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return (null, "the verdict has a malformed key point entry");
                }

                covered[i - 1] = flag.GetBoolean();
            }

            if (covered.Any(c => c is null))
            {
                return (null, "the verdict did not judge every key point");
            }

            if (!root.TryGetProperty("rating", out var ratingValue) || ratingValue.ValueKind != JsonValueKind.String
                || !Enum.TryParse<Rating>(ratingValue.GetString(), ignoreCase: true, out var rating) || !Enum.IsDefined(rating))
            {
                return (null, "the verdict has no valid rating");
            }

            var feedback = root.TryGetProperty("feedback", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()!.Trim() : "";
            if (feedback.Length is 0 or > 4000)
            {
                return (null, "the verdict has no usable feedback");
            }

            var coveredPoints = card.KeyPoints.Where((_, i) => covered[i] == true).ToList();
            var missed = card.KeyPoints.Where((_, i) => covered[i] == false).ToList();
            var score = card.KeyPoints.Count == 0 ? 0 : Math.Round((double)coveredPoints.Count / card.KeyPoints.Count, 2);
            return (new Grade(score, rating, coveredPoints, missed, feedback, Name), null);
        }
        catch (JsonException)
        {
            return (null, "the model's verdict was not valid JSON");
        }
    }
}
