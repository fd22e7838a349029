using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Opens the person's progress store on first use and owns the quiz service over it. If the progress
/// file cannot be opened, every quiz call reports why (and the file stays untouched); search and reading still work.
/// </summary>
public sealed class QuizHost : IDisposable
{
    private readonly Lazy<(QuizService? Service, ProgressStore? Store, string? Error)> _quiz;

    public QuizHost(ServerSettings settings, TimeProvider time)
    {
        _quiz = new Lazy<(QuizService?, ProgressStore?, string?)>(() =>
        {
            try
            {
                var store = ProgressStore.Open(settings.Library.ProgressPath);
                var scheduler = new FsrsScheduler(FsrsParameters.Default with
                {
                    DesiredRetention = settings.DesiredRetention,
                    MaximumIntervalDays = settings.MaximumIntervalDays,
                });
                return (new QuizService(store, scheduler, time), store, null);
            }
            catch (ProgressStoreException ex)
            {
                return (null, null, ex.Message);
            }
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <exception cref="QuizException">The progress store cannot be opened; the message says why.</exception>
    public QuizService Service => _quiz.Value.Service ?? throw new QuizException(_quiz.Value.Error!);

    public void Dispose()
    {
        if (_quiz.IsValueCreated)
        {
            _quiz.Value.Store?.Dispose();
        }
    }
}
