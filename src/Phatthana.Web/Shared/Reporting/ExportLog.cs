using System.Text.Json;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Audit;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Shared.Reporting;

/// <summary>
/// PDPA: who took what out of the system, and when. Every file the Reporting kit writes (and every certificate PDF) is
/// recorded in the audit log as an <see cref="AuditAction.Export"/> entry — the user, the file's name, the report, its
/// format, rows and size, and the address asked — so the audit page ("บันทึกการแก้ไขข้อมูล", ข้อมูล "การส่งออกไฟล์") and
/// <c>GET /api/v1/audit?entity=Export</c> answer it with the area's other entries. The entry is written before the file
/// is sent: a file that could not be logged is not given out.
/// </summary>
public static class ExportLog
{
    public const string Entity = "Export";

    public static void Record(HttpContext http, Guid? areaId, string fileName, string report, string format, int rows, long bytes)
    {
        var services = http.RequestServices;
        var user = services.GetRequiredService<UserScope>();
        // A scope of its own, so nothing the request may have tracked is saved with it.
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuditEntries.Add(new AuditEntry
        {
            At = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            UserId = user.UserId,
            UserName = user.UserName ?? http.User.Identity?.Name,
            AreaId = areaId,
            Entity = Entity,
            EntityKey = fileName.Length <= 200 ? fileName : fileName[..200],
            Action = AuditAction.Export,
            After = JsonSerializer.Serialize(new { report, format, rows, bytes, url = http.Request.Path + http.Request.QueryString },
                new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
        });
        db.SaveChanges();
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Phatthana.Export")
            .LogInformation("Export {Report} as {Format}: {Rows} rows, {Bytes} bytes, by {User}", report, format, rows, bytes, user.UserName);
    }
}
