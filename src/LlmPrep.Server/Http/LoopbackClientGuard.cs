using System.Net;
using Microsoft.AspNetCore.Http;

namespace LlmPrep.Server.Http;

/// <summary>When the server listens on loopback only, a request from any other address (a proxy or port forward) is refused with 403.</summary>
public static class LoopbackClientGuard
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote))
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status403Forbidden,
                $"Forbidden: this server listens on loopback for this machine only and refuses requests from {remote}. " +
                "To serve other machines, listen on their network with --urls and tokens ('llmprep token add <user-id>').");
            return;
        }

        await next(context);
    }
}
