using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Reports;

/// <summary>The schools-and-students summary as a page, with the same report as PDF, Excel and Word.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class SchoolsSummaryModel(AppDbContext db, RouteScope route) : PageModel
{
    public Area Area => route.Area;
    public Report? Report { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    [FromQuery] public string? AcademicYear { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        Years = await SchoolsSummaryReport.YearsAsync(db, Area.Id);
        var outcome = await SchoolsSummaryReport.BuildAsync(HttpContext, db, Area, AcademicYear, HttpContext.RequestAborted);
        if (format is { } f) return outcome.ToApi(r => ReportResults.File(HttpContext, r, f)).ToActionResult();
        if (outcome.Succeeded) Report = outcome.Value;
        else
        {
            Problem = string.Join(" ", outcome.Errors.Select(e => e.Message));
            Response.StatusCode = Years.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format));
}
