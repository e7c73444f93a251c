using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.Razor;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;

namespace Phatthana.Web.Shared.Web;

public static class WebExtensions
{
    /// <summary>Razor Pages under Features/, JSON conventions of API.md, errors as problem+json, OpenAPI.</summary>
    public static IServiceCollection AddAppWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        // Write Thai as Thai in HTML, not as &#xE04; entities (smaller pages, readable source, searchable in tests).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<ShellOptions>(configuration.GetSection("Phatthana:Shell"));
        services.AddScoped<RouteScope>();
        services.AddSingleton<Thai.DisplayFormat>();
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o => o.ModelBindingMessageProvider.SetValueIsInvalidAccessor(v => $"ค่า \"{v}\" ไม่ถูกต้อง"))
            .AddMvcOptions(o => o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((v, _) => $"ค่า \"{v}\" ไม่ถูกต้อง"))
            .AddMvcOptions(o => o.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(_ => "ต้องเป็นตัวเลข"))
            .AddMvcOptions(o => o.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(_ => "กรุณากรอกข้อมูล"));
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Features/Shell/{0}.cshtml"));
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Phatthana API";
            doc.Info.Description = "ระบบพัฒนาบุคลากรและประเมินตนเองของสำนักงานเขตพื้นที่การศึกษา — public API v1. " +
                                   "Authenticate with POST /api/v1/auth/token, then send Authorization: Bearer <token>.";
            return Task.CompletedTask;
        }));
        services.AddSignInThrottle(configuration);
        // The antiforgery cookie is Secure over HTTPS (as the sign-in cookie is), never read by script, and never sent cross-site.
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // X-Forwarded-For/-Proto are believed only from the proxies the app is told of: by default one on the same host
        // (loopback), plus Phatthana:ForwardedHeaders:KnownProxies (addresses) and :KnownNetworks (CIDR), comma-separated.
        // From anyone else the header is ignored, so a client cannot choose the address the sign-in throttle counts.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in Listed(configuration["Phatthana:ForwardedHeaders:KnownProxies"]))
                o.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"Phatthana:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address"));
            foreach (var network in Listed(configuration["Phatthana:ForwardedHeaders:KnownNetworks"]))
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"Phatthana:ForwardedHeaders:KnownNetworks: '{network}' is not a network (e.g. 10.0.0.0/8)"));
        });
        return services;
    }

    private static IEnumerable<string> Listed(string? setting) =>
        (setting ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static WebApplication UseAppPipeline(this WebApplication app)
    {
        if (ServerTiming.Enabled(app.Configuration)) app.UseServerTiming();
        app.UseForwardedHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = ex => ex switch
            {
                ScopeViolationException => StatusCodes.Status404NotFound,
                BadHttpRequestException bad => bad.StatusCode,
                _ when DbErrors.IsUnavailable(ex) => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
            // Bad input answered by ApiExceptionHandler (422/404/409) is not a server fault; real faults are still logged.
            SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService && c.HttpContext.Response.StatusCode < 500,
        });
        app.UseWhen(c => c.Request.IsApi(), api => api.UseStatusCodePages(async ctx =>
        {
            var status = ctx.HttpContext.Response.StatusCode;
            await ApiResults.Problem(status, status == 404 ? "ไม่พบข้อมูล" : "คำขอไม่สำเร็จ").ExecuteAsync(ctx.HttpContext);
        }));
        app.UseWhen(c => !c.Request.IsApi(), pages => pages.UseStatusCodePagesWithReExecute("/error", "?code={0}"));
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseRateLimiter();
        app.MapStaticAssets().AllowAnonymous();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RouteScopeMiddleware>();
        return app;
    }
}

/// <summary>Display settings of the Thai shell.</summary>
public sealed class ShellOptions
{
    /// <summary>Show numbers and dates with Thai digits (๐–๙), as some official forms want.</summary>
    public bool ThaiDigits { get; set; }
}

/// <summary>Headers every answer carries; the CSP allows no inline script or style.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                               "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // The API reference UI is a third-party single-page app that needs inline script; it shows no personal data.
        if (!context.Request.Path.StartsWithSegments("/api/docs")) headers.ContentSecurityPolicy = Csp;
        return next(context);
    }
}
