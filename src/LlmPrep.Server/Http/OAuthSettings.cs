using Microsoft.Extensions.Configuration;

namespace LlmPrep.Server.Http;

/// <summary>
/// Sign-in with OAuth 2.1 access tokens (<c>LlmPrep:Auth</c>): the server is a resource server that accepts JWTs from one
/// issuer for one audience, checks their signature against the issuer's published keys (JWKS) and their expiry, and
/// takes the token's <c>sub</c> claim as the user id. Off unless an issuer is configured.
/// </summary>
public sealed class OAuthSettings
{
    /// <summary>The issuer (<c>iss</c>) tokens must carry, e.g. <c>https://login.example.com/realms/prep</c>.</summary>
    public string? Issuer { get; init; }

    /// <summary>The audience (<c>aud</c>) tokens must carry; by default <see cref="Resource"/>.</summary>
    public string? Audience { get; init; }

    /// <summary>This server's public MCP URL (e.g. <c>https://prep.example.com/mcp</c>); by default the request's own scheme, host and <c>/mcp</c>.</summary>
    public string? Resource { get; init; }

    /// <summary>Where the issuer's signing keys are; by default they are found through the issuer's discovery document.</summary>
    public string? JwksUrl { get; init; }

    /// <summary>The issuer's discovery document; by default <c>{Issuer}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataUrl { get; init; }

    /// <summary>The authorization servers clients are sent to (Protected Resource Metadata); by default the issuer.</summary>
    public IReadOnlyList<string> AuthorizationServers { get; init; } = [];

    /// <summary>Scopes every token must hold; published as <c>scopes_supported</c>. None by default.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer);

    /// <summary>The audience tokens are checked for: <see cref="Audience"/>, else <see cref="Resource"/>.</summary>
    public string? ExpectedAudience => NonEmpty(Audience) ?? NonEmpty(Resource);

    /// <summary>Reads <c>LlmPrep:Auth</c>; <c>LLMPREP_AUTH_ISSUER</c>, <c>LLMPREP_AUTH_AUDIENCE</c>, <c>LLMPREP_AUTH_RESOURCE</c>,
    /// <c>LLMPREP_AUTH_JWKS_URL</c>, <c>LLMPREP_AUTH_METADATA_URL</c> and <c>LLMPREP_AUTH_SCOPES</c> (space-separated) override it.</summary>
    public static OAuthSettings From(IConfigurationSection auth)
    {
        string? Value(string env, string key) => NonEmpty(Environment.GetEnvironmentVariable(env)) ?? NonEmpty(auth[key]);
        string[] List(string env, string key) => Environment.GetEnvironmentVariable(env) is { Length: > 0 } fromEnv
            ? fromEnv.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : auth.GetSection(key).GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToArray();

        var issuer = Value("LLMPREP_AUTH_ISSUER", "Issuer");
        var servers = List("LLMPREP_AUTH_AUTHORIZATION_SERVERS", "AuthorizationServers");
        return new OAuthSettings
        {
            Issuer = issuer,
            Audience = Value("LLMPREP_AUTH_AUDIENCE", "Audience"),
            Resource = Value("LLMPREP_AUTH_RESOURCE", "Resource"),
            JwksUrl = Value("LLMPREP_AUTH_JWKS_URL", "JwksUrl"),
            MetadataUrl = Value("LLMPREP_AUTH_METADATA_URL", "MetadataUrl"),
            AuthorizationServers = servers.Length > 0 || issuer is null ? servers : [issuer],
            Scopes = List("LLMPREP_AUTH_SCOPES", "Scopes"),
        };
    }

    /// <summary>Why these settings cannot work, or null.</summary>
    public string? Problem()
    {
        if (!Enabled)
        {
            return null;
        }

        if (ExpectedAudience is null)
        {
            return "OAuth sign-in needs the audience its tokens are issued for: set LlmPrep:Auth:Audience (LLMPREP_AUTH_AUDIENCE), " +
                "usually this server's public MCP URL such as https://prep.example.com/mcp";
        }

        foreach (var (name, url) in new[] { ("Issuer", Issuer), ("JwksUrl", JwksUrl), ("MetadataUrl", MetadataUrl), ("Resource", Resource) })
        {
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                return $"LlmPrep:Auth:{name} '{url}' is not an absolute URL";
            }
        }

        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
