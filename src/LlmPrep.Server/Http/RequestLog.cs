using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LlmPrep.Server.Http;

/// <summary>One debug line per HTTP request: method, path, status. Never headers (they carry tokens).</summary>
internal sealed class RequestLog(ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("LlmPrep.Http.Requests");

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug("{Method} {Path} from {Remote}: {Status}", context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress, context.Response.StatusCode);
        }
    }
}
