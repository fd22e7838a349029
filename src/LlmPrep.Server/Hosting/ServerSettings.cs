using LlmPrep.Core;
using LlmPrep.Core.Corpus;
using LlmPrep.Server.Grading;
using Microsoft.Extensions.Configuration;

namespace LlmPrep.Server.Hosting;

/// <summary>
/// Where the corpus and data live, from (lowest to highest precedence) <c>appsettings.json</c> beside
/// the binary, <c>LLMPREP_*</c> environment variables, and command-line options.
/// </summary>
public sealed class ServerSettings
{
    public const string BundledRootName = "bundled";

    public required LibraryOptions Library { get; init; }

    public double DesiredRetention { get; init; } = 0.9;

    public int MaximumIntervalDays { get; init; } = 365;

    /// <summary>A model to judge quiz answers (<c>LlmPrep:Grader</c>); unconfigured by default.</summary>
    public GraderSettings Grader { get; init; } = new();

    /// <summary>Host names, besides loopback, that <c>serve --http</c> answers to (Host and Origin headers).</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Origins (scheme://host:port) a browser may call <c>serve --http</c> from; requests without an Origin are always allowed.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>The bearer tokens file; by default <c>tokens</c> in the data folder.</summary>
    public string? TokensFile { get; init; }

    /// <summary>How long an HTTP session may sit idle before it is ended.</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>At most this many idle HTTP sessions are kept; past it the oldest are ended.</summary>
    public int MaxIdleSessions { get; init; } = 1000;

    /// <summary>Larger HTTP request bodies are refused with 413 before they are read.</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Requests each user may make per <see cref="RateLimitWindow"/> over HTTP; 0 means no limit.</summary>
    public int RateLimitPermits { get; init; } = 600;

    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>OAuth 2.1 sign-in with JWT access tokens (<c>LlmPrep:Auth</c>); off unless an issuer is set.</summary>
    public Http.OAuthSettings OAuth { get; init; } = new();

    /// <summary>How long a progress write waits for another process's lock before it reports the file busy.</summary>
    public TimeSpan ProgressBusyTimeout { get; init; } = Core.Progress.ProgressDatabase.DefaultBusyTimeout;

    /// <summary>Where progress is kept: <c>sqlite</c> (the default: <c>progress.db</c> in the data folder) or <c>postgres</c>.</summary>
    public string ProgressProvider { get; init; } = ProgressProviders.Sqlite;

    /// <summary>The PostgreSQL connection string when <see cref="ProgressProvider"/> is <c>postgres</c>; it holds a password, so it is never logged.</summary>
    public string? ProgressConnectionString { get; init; }

    /// <summary>The minimum level of log lines written to stderr.</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    public string TokensPath => TokensFile ?? Path.Combine(Library.DataDirectory, Core.Access.AccessTokenFile.FileName);

    public static string BundledCorpusDirectory => Path.Combine(AppContext.BaseDirectory, "corpus");

    /// <param name="corpusDirs">Extra corpus roots from <c>--corpus</c>; empty values are ignored.</param>
    /// <param name="dataDir">From <c>--data-dir</c>; empty means the default.</param>
    /// <param name="noBundled">From <c>--no-bundled</c>: leave the bundled corpus out.</param>
    /// <param name="tokensFile">From <c>--tokens-file</c>.</param>
    public static ServerSettings Resolve(IReadOnlyList<string>? corpusDirs, string? dataDir, bool noBundled, string? tokensFile = null)
    {
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("LLMPREP_")
            .Build();
        var section = config.GetSection("LlmPrep");

        var roots = new List<CorpusRoot>();
        var includeBundled = !noBundled && !string.Equals(section["IncludeBundledCorpus"], "false", StringComparison.OrdinalIgnoreCase);
        if (includeBundled)
        {
            roots.Add(new CorpusRoot(BundledRootName, BundledCorpusDirectory));
        }

        corpusDirs = corpusDirs?.Where(d => !string.IsNullOrWhiteSpace(d)).ToArray();
        var extra = corpusDirs is { Count: > 0 }
            ? corpusDirs
            : Environment.GetEnvironmentVariable("LLMPREP_CORPUS") is { Length: > 0 } env
                ? env.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : section.GetSection("CorpusRoots").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToArray();
        foreach (var dir in extra)
        {
            var full = Path.GetFullPath(ExpandHome(dir));
            roots.Add(new CorpusRoot(UniqueName(roots, Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar))), full));
        }

        var data = NonEmpty(dataDir)
            ?? NonEmpty(Environment.GetEnvironmentVariable("LLMPREP_DATA_DIR"))
            ?? NonEmpty(section["DataDir"])
            ?? LibraryOptions.DefaultDataDirectory;

        var tokens = tokensFile
            ?? Environment.GetEnvironmentVariable("LLMPREP_TOKENS_FILE")
            ?? (section["Auth:TokensFile"] is { Length: > 0 } configuredTokens ? configuredTokens : null);
        string[] List(string key) => section.GetSection(key).GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToArray();

        return new ServerSettings
        {
            Library = new LibraryOptions(roots, Path.GetFullPath(ExpandHome(data))),
            DesiredRetention = double.TryParse(section["Quiz:DesiredRetention"], System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : 0.9,
            MaximumIntervalDays = int.TryParse(section["Quiz:MaximumIntervalDays"], out var days) ? days : 365,
            Grader = GraderSettings.From(section.GetSection("Grader")),
            AllowedHosts = List("Http:AllowedHosts"),
            AllowedOrigins = List("Http:AllowedOrigins"),
            TokensFile = tokens is null ? null : Path.GetFullPath(ExpandHome(tokens)),
            SessionIdleTimeout = TimeSpan.TryParse(section["Http:SessionIdleTimeout"], System.Globalization.CultureInfo.InvariantCulture, out var idle) && idle > TimeSpan.Zero
                ? idle : TimeSpan.FromMinutes(30),
            MaxIdleSessions = int.TryParse(section["Http:MaxIdleSessions"], out var sessions) && sessions > 0 ? sessions : 1000,
            MaxRequestBodyBytes = long.TryParse(section["Http:MaxRequestBodyBytes"], out var body) && body > 0 ? body : 4 * 1024 * 1024,
            RateLimitPermits = int.TryParse(section["Http:RateLimit:PermitLimit"], out var permits) && permits >= 0 ? permits : 600,
            RateLimitWindow = TimeSpan.TryParse(section["Http:RateLimit:Window"], System.Globalization.CultureInfo.InvariantCulture, out var window) && window > TimeSpan.Zero
                ? window : TimeSpan.FromMinutes(1),
            OAuth = Http.OAuthSettings.From(section.GetSection("Auth")),
            ProgressBusyTimeout = TimeSpan.TryParse(section["Progress:BusyTimeout"], System.Globalization.CultureInfo.InvariantCulture, out var busy) && busy > TimeSpan.Zero
                ? busy : Core.Progress.ProgressDatabase.DefaultBusyTimeout,
            ProgressProvider = (NonEmpty(Environment.GetEnvironmentVariable("LLMPREP_PROGRESS_PROVIDER")) ?? NonEmpty(section["Progress:Provider"]) ?? ProgressProviders.Sqlite)
                .ToLowerInvariant(),
            ProgressConnectionString = NonEmpty(Environment.GetEnvironmentVariable("LLMPREP_PROGRESS_CONNECTION_STRING")) ?? NonEmpty(section["Progress:ConnectionString"]),
            LogLevel = Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(section["LogLevel"], ignoreCase: true, out var level)
                ? level : Microsoft.Extensions.Logging.LogLevel.Information,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string ExpandHome(string path) =>
        path.StartsWith('~') ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..] : path;

    private static string UniqueName(List<CorpusRoot> roots, string name)
    {
        name = name.Length == 0 ? "vault" : name;
        var candidate = name;
        for (var i = 2; roots.Any(r => r.Name == candidate); i++)
        {
            candidate = $"{name}-{i}";
        }

        return candidate;
    }
}
