using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Shared.Auth;

/// <summary>
/// Sign-in attempts (the page's form post and <c>POST /api/v1/auth/token</c>) are limited per client address:
/// <c>Phatthana:Auth:SignInPerMinute</c> (30 by default — a school's staff may share one address) in a one-minute window,
/// then 429 with Retry-After. Together with the account lockout (5 failures → 15 minutes) this bounds guessing both per
/// account and per address. A request without a client address (an in-process test server) is not limited.
/// </summary>
public static class SignInThrottle
{
    public const int DefaultPerMinute = 30;
    public const string TooMany = "พยายามเข้าสู่ระบบบ่อยเกินไป กรุณารอสักครู่แล้วลองใหม่";

    public static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) &&
        (request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/api/v1/auth/token", StringComparison.OrdinalIgnoreCase));

    public static IServiceCollection AddSignInThrottle(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = int.TryParse(configuration["Phatthana:Auth:SignInPerMinute"], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultPerMinute;
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                IsSignIn(http.Request) && http.Connection.RemoteIpAddress is { } address
                    ? RateLimitPartition.GetFixedWindowLimiter(address.ToString(), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (http.Request.IsApi())
                {
                    await ApiResults.Problem(StatusCodes.Status429TooManyRequests, "คำขอมากเกินไป", TooMany).ExecuteAsync(http);
                    return;
                }
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(TooMany, ct);
            };
        });
        return services;
    }
}
