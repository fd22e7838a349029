namespace LlmPrep.Core.Quiz;

/// <summary>A model judge's reply as it arrives, before validation (see <see cref="JudgeRubric.ReplyShape"/>).</summary>
internal sealed record VerdictReply(List<VerdictReplyPoint>? KeyPoints, List<string>? FalseClaims, string? Feedback);

/// <summary>One key point entry of a model judge's reply.</summary>
internal sealed record VerdictReplyPoint(int? Index, string? Status, string? Evidence);
