using LlmPrep.Core.Corpus;
using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;
using LlmPrep.Server.Hosting;

namespace LlmPrep.Server.Prompts;

/// <summary>
/// The person's progress for prompts that adapt to it. A progress file that cannot be opened must not break a
/// prompt: these return nothing and the reason, and the prompt carries on without personal data.
/// </summary>
internal static class PromptProgress
{
    public static (ProgressReport? Report, string? Error) Report(QuizHost quiz, CorpusSnapshot corpus)
    {
        try
        {
            return (quiz.Service.Report(corpus), null);
        }
        catch (Exception ex) when (ex is QuizException or ProgressStoreException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>The cards whose latest review failed, newest first (see <see cref="RecentMistakes"/>).</summary>
    public static (IReadOnlyList<ReviewRecord> Reviews, string? Error) Mistakes(QuizHost quiz, int limit, Func<string, bool> keep)
    {
        try
        {
            return (RecentMistakes.Of(quiz.Service.Store, limit, keep), null);
        }
        catch (QuizException ex)
        {
            return ([], ex.Message);
        }
        catch (ProgressStoreException ex)
        {
            return ([], ex.Message);
        }
    }
}
