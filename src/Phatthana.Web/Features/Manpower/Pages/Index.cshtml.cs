using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Manpower.Pages;

/// <summary>
/// อัตรากำลังของเขตพื้นที่: the seed's summary as live figures for any academic year, by district with a chart, and
/// every school's requirement against its register, each linking to the school's working.
/// </summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class IndexModel(AppDbContext db, RouteScope route, DisplayFormat fmt, UserScope user) : PageModel
{
    private static readonly SortMap<SchoolManpower> Sorts = new SortMap<SchoolManpower>("code")
        .Add("code", s => s.School.Code).Add("name", s => s.School.Name).Add("district", s => s.School.District, s => s.School.Code)
        .Add("students", s => s.Requirement.Students).Add("classrooms", s => s.Requirement.Classrooms)
        .Add("requiredTeachers", s => s.Requirement.Teachers).Add("actualTeachers", s => s.ActualTeachers)
        .Add("required", s => s.Required, s => s.School.Code).Add("actual", s => s.Actual, s => s.School.Code)
        .Add("vacant", s => s.VacantPosts).Add("difference", s => s.Difference, s => s.School.Code).Add("status", s => s.Status, s => s.School.Code);

    public Area Area => route.Area;
    [FromQuery] public string? AcademicYear { get; set; }
    [FromQuery] public Guid? District { get; set; }
    [FromQuery] public Guid? Network { get; set; }
    [FromQuery] public SchoolType? Type { get; set; }
    [FromQuery] public ManpowerStatus? Status { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];
    public string? Problem { get; private set; }
    public ManpowerResult? Result { get; private set; }
    public ManpowerSummary Summary { get; private set; } = ManpowerSummary.Of([]);
    public int Administrators { get; private set; }
    public int Teachers { get; private set; }
    public IReadOnlyList<ManpowerReport.DistrictRow> Districts { get; private set; } = [];
    public IReadOnlyList<SchoolFacts> Missing { get; private set; } = [];
    public string? ChartSvg { get; private set; }
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> DistrictOptions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> NetworkOptions { get; private set; } = [];
    /// <summary>Links to enter or import student counts are shown to those who may (not to supervisors and assessors).</summary>
    public bool CanEditCounts => Policies.Allows(Policies.SchoolData, user.Role);
    public bool Filtered => District is not null || Network is not null || Type is not null || Status is not null;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        Years = await ManpowerCalculation.YearsAsync(db, Area.Id);
        DistrictOptions = (await db.Districts.AsNoTracking().Where(d => d.AreaId == Area.Id).Select(d => new { d.Id, d.Name }).ToListAsync())
            .OrderBy(d => d.Name, ThaiText.Comparer).Select(d => (d.Id, d.Name)).ToList();
        NetworkOptions = (await db.SchoolNetworks.AsNoTracking().Where(n => n.AreaId == Area.Id).Select(n => new { n.Id, n.Name }).ToListAsync())
            .OrderBy(n => n.Name, ThaiText.Comparer).Select(n => (n.Id, n.Name)).ToList();

        var outcome = await ManpowerCalculation.ForAreaAsync(db, Area, AcademicYear, HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            if (format is not null) return outcome.ToApi(_ => TypedResults.NoContent()).ToActionResult();
            Problem = string.Join(" ", outcome.Errors.Select(e => e.Message));
            Response.StatusCode = Years.Count == 0 || string.IsNullOrWhiteSpace(AcademicYear) ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;
            Table = ManpowerReport.SchoolsTable.ToView([], fmt);
            Pager = PagerModel.From(new PagedList<SchoolManpower>([], 0, 1, list.SafeSize));
            return Page();
        }
        var result = Result = outcome.Value!;
        AcademicYear = result.AcademicYear.ToString();
        var filter = ManpowerApi.Filter(District, Network, Type, Status, list.Q);
        // The summary and chart are of the filtered part (district, network, type); the status filter narrows only the list.
        var part = filter.Part;
        var scoped = result.Schools.Where(part.Keeps).ToList();
        var shown = result.Schools.Where(filter.Keeps).ToList();
        Missing = result.MissingCounts.Where(part.Keeps).ToList();
        Summary = ManpowerSummary.Of(scoped);
        Administrators = scoped.Sum(s => s.ActualAdministrators);
        Teachers = scoped.Sum(s => s.ActualTeachers);
        Districts = ManpowerReport.ByDistrict(scoped);
        if (format is { } f)
        {
            var notes = await ManpowerApi.FilterNotesAsync(db, filter);
            var report = await ManpowerReport.BuildAsync(HttpContext, Area, result with { MissingCounts = Missing }, scoped, shown, notes, HttpContext.RequestAborted);
            return ReportResults.File(HttpContext, report, f).ToActionResult();
        }
        if (Districts.Count > 0) ChartSvg = ChartRenderer.Svg(ManpowerReport.StatusChart(Districts));
        var page = Sorts.Apply(shown.AsQueryable(), list).ToList().ToPaged(list);
        Table = ManpowerReport.SchoolsTable.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }

    public string Link(params (string Key, string? Value)[] changes) => QueryLinks.With(Request, [.. changes, ("page", null)]);
    public string FileLink(string format) => QueryLinks.With(Request, ("format", format), ("page", null));
}
