using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LlmPrep.Server.Http;

/// <summary>One debug line per HTTP request: method, path, status. Never headers (they carry tokens).</summary>
internal static class RequestLog
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("LlmPrep.Http.Requests");
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("{Method} {Path} from {Remote}: {Status}", context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress, context.Response.StatusCode);
        }
    }
}
