using System.Security.Claims;
using LlmPrep.Core.Access;
using Microsoft.AspNetCore.Http;

namespace LlmPrep.Server.Http;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;token&gt;</c> on every request and makes the token's user id the request's user
/// (and so the progress user). The tokens file is re-read when it changes, so a revoked token stops working at once.
/// Tokens are compared by SHA-256 hash in constant time and never logged.
/// </summary>
public sealed class BearerTokenGuard(AccessTokenFile file)
{
    private readonly Lock _gate = new();
    private (DateTime Written, long Length) _stamp;
    private IReadOnlyList<AccessToken> _tokens = file.Load();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status401Unauthorized,
                "Unauthorized: this server needs 'Authorization: Bearer <token>'. Whoever runs it creates one with 'llmprep token add <user-id>'.",
                "Bearer realm=\"llmprep\"");
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

        if (user is null)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status401Unauthorized,
                "Unauthorized: the bearer token is not valid (unknown or revoked).",
                "Bearer realm=\"llmprep\", error=\"invalid_token\"");
            return;
        }

        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user), new Claim(ClaimTypes.Name, user)], "Bearer"));
        await next(context);
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
