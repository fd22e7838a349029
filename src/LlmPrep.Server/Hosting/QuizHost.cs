using LlmPrep.Core.Progress;
using LlmPrep.Core.Quiz;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Opens the progress store (the SQLite file, or the PostgreSQL database when configured) on first use and hands out one quiz service per user over it. A failure to open is never
/// remembered: every quiz call tries again and, while it fails, reports why (busy, read-only, refused) with the path;
/// search and reading keep working.
/// </summary>
public sealed class QuizHost(ServerSettings settings, TimeProvider time, IProgressUser? user = null) : IDisposable
{
    private readonly IProgressUser _user = user ?? new LocalProgressUser();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, QuizService> _services = new(StringComparer.Ordinal);
    private readonly FsrsScheduler _scheduler = new(FsrsParameters.Default with
    {
        DesiredRetention = settings.DesiredRetention,
        MaximumIntervalDays = settings.MaximumIntervalDays,
    });

    private IProgressDatabase? _database;

    /// <summary>The user of the current request.</summary>
    public string UserId => _user.UserId;

    /// <summary>The quiz service of the current request's user.</summary>
    /// <exception cref="QuizException">The progress file cannot be opened; the message says why.</exception>
    public QuizService Service => For(_user.UserId);

    /// <exception cref="QuizException">The progress file cannot be opened; the message says why.</exception>
    public QuizService For(string userId)
    {
        lock (_gate)
        {
            if (_services.TryGetValue(userId, out var service))
            {
                return service;
            }

            try
            {
                _database ??= ProgressProviders.Open(settings);
            }
            catch (ProgressStoreException ex)
            {
                throw new QuizException(ex.Message);
            }

            service = new QuizService(_database.ForUser(userId), _scheduler, time);
            _services[userId] = service;
            return service;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _database?.Dispose();
            _database = null;
            _services.Clear();
        }
    }
}
