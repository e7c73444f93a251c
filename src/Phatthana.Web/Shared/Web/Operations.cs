using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Scalar.AspNetCore;

namespace Phatthana.Web.Shared.Web;

/// <summary>What operators use: health, the OpenAPI document, the API reference UI, structured logs.</summary>
public static class Operations
{
    public static ILoggingBuilder AddAppLogging(this ILoggingBuilder logging, IConfiguration configuration)
    {
        // Structured JSON lines for log collectors (Phatthana__LogFormat=json); readable lines on a developer's console.
        if (string.Equals(configuration["Phatthana:LogFormat"], "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.ClearProviders();
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.UseUtcTimestamp = true;
            });
        }
        return logging;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapGet("/health", async (AppDbContext db, CancellationToken ct) =>
        {
            var ok = await db.Database.CanConnectAsync(ct);
            return ok
                ? Results.Ok(new { status = "Healthy", database = db.Database.ProviderName })
                : Results.Json(new { status = "Unhealthy" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("Phatthana API")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        return app;
    }
}

/// <summary>How the app's host is started.</summary>
public static class HostArgs
{
    /// <summary>
    /// Settings are read once at start. Watching them for changes would watch the whole content root, and with it the SQLite
    /// file under data/: every write of the database would wake the watcher (an import of 100,000 people ran 20 % slower).
    /// </summary>
    public static string[] WithoutConfigWatch(string[] args) => [.. args, "--hostBuilder:reloadConfigOnChange=false"];
}
