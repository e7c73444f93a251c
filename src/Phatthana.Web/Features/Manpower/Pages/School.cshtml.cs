using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Manpower.Pages;

/// <summary>A school's requirement with the working shown, its register, subjects and out-of-major teachers; the same report as PDF.</summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class SchoolModel(AppDbContext db, RouteScope route, UserScope user, TimeProvider time) : PageModel
{
    public School School => route.School;
    public Area Area => route.Area;
    [FromQuery] public string? AcademicYear { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public Report? Report { get; private set; }
    public string? Problem { get; private set; }
    public SchoolManpower? Row { get; private set; }
    public bool CanSeeArea => Policies.Allows(Policies.ReadAreaAnalyses, user.Role);
    public bool CanEditNeeds => Policies.Allows(Policies.SchoolData, user.Role);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        Years = await db.StudentCounts.AsNoTracking().Where(c => c.SchoolId == School.Id).Select(c => c.AcademicYear).Distinct().OrderByDescending(y => y).ToListAsync();
        var outcome = await ManpowerApi.ForSchoolAsync(db, School, AcademicYear, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            if (format is not null) return outcome.ToApi(_ => TypedResults.NoContent()).ToActionResult();
            Problem = string.Join(" ", outcome.Errors.Select(e => e.Message));
            Response.StatusCode = Years.Count == 0 || string.IsNullOrWhiteSpace(AcademicYear) ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var result = outcome.Value!;
        AcademicYear = result.AcademicYear.ToString();
        Row = result.Schools.Single();
        var posts = await SubjectAnalysis.PostsAsync(db, School.AreaId, School.Id, HttpContext.RequestAborted);
        var needs = await SubjectAnalysis.NeedsAsync(db, School.AreaId, result.AcademicYear, School.Id, HttpContext.RequestAborted);
        var needRows = needs.Count == 0 ? [] : SubjectAnalysis.NeedRows(needs, SubjectAnalysis.HaveBySchool(posts).GetValueOrDefault(School.Id));
        var outOfMajor = await SubjectAnalysis.OutOfMajorAsync(db, School.AreaId, School.Id, HttpContext.RequestAborted);
        Report = await SchoolWorkingReport.BuildAsync(HttpContext, Area, result, Row, posts, needRows, outOfMajor, HttpContext.RequestAborted);
        if (format is { } f) return ReportResults.File(HttpContext, Report, f).ToActionResult();
        return Page();
    }

    /// <summary>The year the "enter student counts" link opens: the one asked when it is a year, else the current one.</summary>
    public int CountsYear => Shared.Thai.SchoolCalendar.TryReadYear(AcademicYear, out var y)
        ? y : Shared.Thai.SchoolCalendar.AcademicYearOf(Shared.Thai.ThaiDate.TodayInThailand(time));

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format));
}
