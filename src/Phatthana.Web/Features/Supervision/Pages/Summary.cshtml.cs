using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Supervision.Pages;

/// <summary>สรุปผลการนิเทศ of a year or semester, for the area or one network, against the period before; as a page and as PDF, Word and Excel.</summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class SummaryModel(AppDbContext db, RouteScope route, SaveVisit save, SupervisionLookups lookups) : PageModel
{
    [FromQuery] public string? AcademicYear { get; set; }
    [FromQuery] public string? Semester { get; set; }
    [FromQuery] public string? Network { get; set; }
    public Area Area => route.Area;
    public Report? Report { get; private set; }
    public SupervisionSummaryDto? Summary { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Choice> Networks { get; private set; } = [];
    public int? ShownYear => Summary?.AcademicYear;

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        Years = await lookups.YearsAsync(Area.Id, ct);
        Networks = await lookups.NetworksAsync(Area.Id, ct);
        var period = SupervisionPeriod.Read(AcademicYear, Semester, save.Today);
        var network = VisitFilter.Read(null, Network, null, null, null, null);
        var summary = !period.Succeeded ? period.As<SupervisionSummaryDto>()
            : !network.Succeeded ? network.As<SupervisionSummaryDto>()
            : await SummaryReport.BuildAsync(db, Area, period.Value!, network.Value!.Network, save.Today, ct);
        if (format is { } f)
        {
            if (!summary.Succeeded) return summary.ToApi(_ => TypedResults.NoContent()).ToActionResult();
            return ReportResults.File(HttpContext, await SummaryReport.ToReportAsync(HttpContext, Area, summary.Value!), f).ToActionResult();
        }
        if (!summary.Succeeded)
        {
            Problem = string.Join(" ", summary.Errors.Select(e => e.Message));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Summary = summary.Value;
        Report = await SummaryReport.ToReportAsync(HttpContext, Area, Summary!);
        return Page();
    }

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format));
}
