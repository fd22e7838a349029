using LlmPrep.Core.Progress;
using LlmPrep.Progress.Postgres;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Opens the progress store the settings name (<c>LlmPrep:Progress:Provider</c>): <c>sqlite</c>, the file
/// <c>progress.db</c> in the data folder for one person, or <c>postgres</c>, a shared database for many instances.
/// </summary>
public static class ProgressProviders
{
    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <exception cref="ProgressStoreException">The store cannot be opened, or the provider is not one of these; the message says why.</exception>
    public static IProgressDatabase Open(ServerSettings settings) => settings.ProgressProvider switch
    {
        Sqlite => ProgressDatabase.Open(settings.Library.ProgressPath, settings.ProgressBusyTimeout),
        Postgres or "postgresql" => PostgresProgressDatabase.Open(settings.ProgressConnectionString ?? "", settings.ProgressBusyTimeout),
        var other => throw new ProgressStoreException(ProgressProblem.Misconfigured,
            $"the progress provider '{other}' is unknown: set LlmPrep:Progress:Provider (or LLMPREP_PROGRESS_PROVIDER) to '{Sqlite}' or '{Postgres}'."),
    };
}
