using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LlmPrep.Server.Http;

/// <summary>Refuses a request body over the limit with 413: by its Content-Length before reading, or while reading a chunked one.</summary>
public sealed class RequestBodyLimit(long maxBytes)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            await HttpErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"Payload too large: the request body is {context.Request.ContentLength:N0} bytes; the limit is {maxBytes:N0} (LlmPrep:Http:MaxRequestBodyBytes).");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        await next(context);
    }
}
