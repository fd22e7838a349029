using System.Security.Claims;
using LlmPrep.Core.Progress;
using LlmPrep.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace LlmPrep.Server.Http;

/// <summary>
/// The progress user of an HTTP request: its bearer token's user id. Without tokens (loopback only) it is the local user;
/// with tokens a request without a user never falls back to anyone else's history.
/// </summary>
public sealed class HttpProgressUser(IHttpContextAccessor accessor, bool tokensRequired) : IProgressUser
{
    public string UserId =>
        accessor.HttpContext?.User.FindFirst(ClaimTypes.NameIdentifier)?.Value
        ?? (tokensRequired ? throw new InvalidOperationException("no authenticated user for this request") : ProgressStore.DefaultUserId);
}
