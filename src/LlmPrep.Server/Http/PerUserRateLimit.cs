using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using LlmPrep.Core.Progress;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPrep.Server.Http;

/// <summary>
/// At most <c>LlmPrep:Http:RateLimit:PermitLimit</c> requests per user in each <c>Window</c> (fixed windows, one per user
/// id, so one busy person does not slow the others). Past it a request gets 429 with <c>Retry-After</c> and a JSON-RPC
/// error that says when to try again. A limit of 0 turns it off.
/// </summary>
public static class PerUserRateLimit
{
    public static void Add(IServiceCollection services, int permits, TimeSpan window)
    {
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                UserOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }));
            options.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(HttpErrors.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"Too many requests: {permits} per {window:g} is the limit for each user; try again in {seconds} s.", code: -32000));
            };
        });
    }

    public static void Use(WebApplication app) => app.UseRateLimiter();

    private static string UserOf(HttpContext context) => context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? ProgressStore.DefaultUserId;
}
