using System.Security.Claims;
using LlmPrep.Core.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace LlmPrep.Server.Http;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;token&gt;</c> on every request and makes the token's user the request's user (and
/// so the progress user). A token is accepted from the tokens file (its user id) or, when OAuth sign-in is configured, as
/// a JWT access token from the trusted issuer (its <c>sub</c> claim). The tokens file is re-read when it changes, so a
/// revoked token stops working at once; its tokens are compared by SHA-256 hash in constant time and never logged. A 401
/// names the Protected Resource Metadata, so an OAuth client can find where to sign in.
/// </summary>
public sealed class BearerTokenGuard(AccessTokenFile file, OAuthSettings oauth)
{
    public const string SubjectClaim = "sub";

    private readonly Lock _gate = new();
    private (DateTime Written, long Length) _stamp;
    private IReadOnlyList<AccessToken> _tokens = file.Load();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            var how = oauth.Enabled
                ? "sign in with the authorization server named in the Protected Resource Metadata (see WWW-Authenticate), or use a token from 'llmprep token add <user-id>'"
                : "whoever runs it creates one with 'llmprep token add <user-id>'";
            await HttpErrors.WriteAsync(context, StatusCodes.Status401Unauthorized,
                $"Unauthorized: this server needs 'Authorization: Bearer <token>'; {how}.", Challenge(context, null));
            return;
        }

        string? user;
        try
        {
            user = AccessTokenFile.Authenticate(Tokens(), header[7..].Trim());
        }
        catch (AccessTokenException ex)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, $"Unavailable: {ex.Message}.");
            return;
        }

        string? problem = "the bearer token is not valid (unknown or revoked)";
        if (user is null && oauth.Enabled)
        {
            (user, problem) = await FromAccessTokenAsync(context);
            if (user is not null && MissingScopes(context.User) is { Count: > 0 } missing)
            {
                await HttpErrors.WriteAsync(context, StatusCodes.Status403Forbidden,
                    $"Forbidden: the access token lacks the scope(s) {string.Join(" ", missing)}.",
                    Challenge(context, "insufficient_scope", $"the access token lacks: {string.Join(" ", missing)}"));
                return;
            }
        }

        if (user is null)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status401Unauthorized, $"Unauthorized: {problem}.", Challenge(context, "invalid_token", problem));
            return;
        }

        context.User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user), new Claim(ClaimTypes.Name, user), .. context.User.Claims.Where(c => c.Type is "scope" or "scp")], "Bearer"));
        await next(context);
    }

    private static async Task<(string? User, string? Problem)> FromAccessTokenAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(JwtSignIn.Scheme);
        if (!result.Succeeded)
        {
            return (null, JwtSignIn.Describe(result.Failure));
        }

        context.User = result.Principal;
        var subject = result.Principal.FindFirst(SubjectClaim)?.Value;
        return string.IsNullOrWhiteSpace(subject) ? (null, "the access token has no 'sub' claim to tell whose progress it is") : (subject, null);
    }

    private List<string> MissingScopes(ClaimsPrincipal principal)
    {
        var held = principal.Claims.Where(c => c.Type is "scope" or "scp")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        return oauth.Scopes.Where(scope => !held.Contains(scope)).ToList();
    }

    private string Challenge(HttpContext context, string? error, string? description = null)
    {
        var challenge = "Bearer realm=\"llmprep\"";
        if (error is not null)
        {
            challenge += $", error=\"{error}\", error_description=\"{description}\"";
        }

        if (oauth.Enabled)
        {
            challenge += $", resource_metadata=\"{ProtectedResourceMetadata.DocumentUrl(oauth, context.Request)}\"";
            if (oauth.Scopes.Count > 0)
            {
                challenge += $", scope=\"{string.Join(" ", oauth.Scopes)}\"";
            }
        }

        return challenge;
    }

    private IReadOnlyList<AccessToken> Tokens()
    {
        var info = new FileInfo(file.Path);
        var stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1L);
        lock (_gate)
        {
            if (stamp != _stamp)
            {
                _tokens = file.Load();
                _stamp = stamp;
            }

            return _tokens;
        }
    }
}
