using System.Globalization;
using System.Text;
using LlmPrep.Core.Corpus;

namespace LlmPrep.Core.Quiz;

/// <summary>
/// The one rubric every model judge works from (the client's model through sampling, a configured endpoint, the host's
/// own model): judge each numbered key point as covered, partly, missed or contradicted, list false claims, reply in JSON.
/// </summary>
public static class JudgeRubric
{
    /// <summary>The reply a model judge must give, parsed by <see cref="VerdictParser"/>.</summary>
    public const string ReplyShape =
        """{"key_points":[{"index":1,"status":"covered|partly|missed|contradicted","evidence":"the candidate's words"}],"false_claims":["..."],"feedback":"..."}""";

    public const string SystemPrompt = $$"""
        You are a strict technical interviewer grading a candidate's spoken answer for an LLM / GenAI engineering role.
        Judge only against the reference answer and the numbered key points. For each key point decide:
        covered = its substance is stated correctly, in any words (synonyms and paraphrases count);
        partly = touched on but incomplete or vague;
        missed = not in the answer;
        contradicted = the answer states the opposite or gives the definition of something else.
        List every false claim the answer makes, even about things outside the key points. Using the right vocabulary
        is not enough: judge what the words claim. Reply with JSON only, no prose, exactly this shape, one entry per key point:
        {{ReplyShape}}
        feedback is one short paragraph to the candidate: what was right, what was missing or wrong.
        """;

    /// <summary>The user message: question, reference answer, numbered key points, the candidate's answer.</summary>
    public static string Prompt(QuizCard card, string answer)
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

    /// <summary>
    /// What the host's model is told when no other model judged the answer: judge it with the same rubric and submit the
    /// verdict with quiz_rate. The rating given meanwhile is provisional.
    /// </summary>
    public static string HostInstruction(QuizCard card, long reviewId, string? unavailable)
    {
        var text = new StringBuilder();
        if (unavailable is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"No model judge was available ({unavailable}). ");
        }

        text.Append("The rating is provisional: word matching cannot see meaning, negation or swapped definitions. You are the judge now. ");
        text.Append("Compare the answer with reference_answer and judge each key point: covered (stated correctly, in any words), ");
        text.Append("partly (incomplete or vague), missed, or contradicted (states the opposite or a wrong definition); list every false claim. ");
        text.Append(CultureInfo.InvariantCulture, $"Then call quiz_rate with card_id \"{card.Id}\", review_id {reviewId}, ");
        text.Append("key_points [{\"index\": 1, \"status\": \"covered\"}, ...] with one entry per key point numbered from 1 in the order of key_points: ");
        for (var i = 0; i < card.KeyPoints.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : "; ")}{i + 1}. {card.KeyPoints[i].TrimEnd('.')}");
        }

        text.Append(". Add false_claims (empty if none). quiz_rate derives the rating and makes it final; do it before the next card, ");
        text.Append("or the provisional rating stands. Then tell the person what they missed or got wrong, and offer source_uri.");
        return text.ToString();
    }
}
