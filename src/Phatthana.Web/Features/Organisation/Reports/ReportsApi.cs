using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Reports;

public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/areas/{areaCode}/reports").WithTags("Reports");
        g.MapGet($"/{SchoolsSummaryReport.Path}", SchoolsSummary).RequireAuthorization(Policies.SignedIn)
            .WithSummary("รายงานสรุปข้อมูลสถานศึกษาและนักเรียน (?academicYear=2567; ?format=xlsx|pdf|docx for the file)")
            .Returns<ReportDto>();
        return api;
    }

    private static async Task<IResult> SchoolsSummary(HttpContext http, RouteScope scope, AppDbContext db, string? academicYear)
    {
        if (!ReportResults.TryFileFormat(http.Request, out var format)) return ReportResults.UnknownFormat(http.Request);
        var outcome = await SchoolsSummaryReport.BuildAsync(http, db, scope.Area, academicYear, http.RequestAborted);
        return outcome.ToApi(report => format is { } f ? ReportResults.File(http, report, f) : TypedResults.Ok(ReportDto.From(report)));
    }
}
