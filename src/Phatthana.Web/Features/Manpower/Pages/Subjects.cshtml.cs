using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Manpower.Pages;

/// <summary>Teachers by subject area and level for the area, the schools' needs per subject, and each school's subjects.</summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class SubjectsModel(AppDbContext db, RouteScope route, TimeProvider time) : PageModel
{
    public Area Area => route.Area;
    [FromQuery] public string? AcademicYear { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public Report? Report { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        Years = await ManpowerCalculation.YearsAsync(db, Area.Id);
        var year = await SubjectsReport.YearAsync(db, Area, AcademicYear, time, HttpContext.RequestAborted);
        if (!year.Succeeded)
        {
            if (format is not null) return year.ToApi(_ => TypedResults.NoContent()).ToActionResult();
            Problem = string.Join(" ", year.Errors.Select(e => e.Message));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        AcademicYear = year.Value.ToString();
        Report = await SubjectsReport.BuildAsync(HttpContext, db, Area, year.Value, HttpContext.RequestAborted);
        if (format is { } f) return ReportResults.File(HttpContext, Report, f).ToActionResult();
        return Page();
    }

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format));
}
