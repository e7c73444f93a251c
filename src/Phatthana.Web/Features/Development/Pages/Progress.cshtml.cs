using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Training.Pages;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development.Pages;

/// <summary>
/// ความก้าวหน้าแผนพัฒนาตนเอง: per school (the area office's staff as one line) how many people have a plan at each step, with
/// the area's total and charts; then one list — the people without a submitted plan, or the plans waiting for a decision (a
/// director sees their own school's) — searchable, sortable, paged; the whole as PDF, Excel and Word.
/// </summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class ProgressModel(AppDbContext database, RouteScope route, TimeProvider time, DisplayFormat fmt) : TrainingYearPage(database, route, time)
{
    public const string WaitingList = "waiting";

    private static readonly SortMap<PlanHolder> Sorts = new SortMap<PlanHolder>("school")
        .Add("school", r => r.School ?? "\uffff", r => r.Name).Add("name", r => r.Name).Add("position", r => r.Position, r => r.Name)
        .Add("status", r => r.Status, r => r.Name).Add("submitted", r => r.SubmittedAt, r => r.Name);

    /// <summary>Which list is shown: the people without a submitted plan (default) or "waiting".</summary>
    [FromQuery(Name = "list")] public string? ListName { get; set; }
    public bool Waiting => ListName == WaitingList;
    public IdPlanProgressDto Progress { get; private set; } = null!;
    public TableView SchoolTable { get; private set; } = null!;
    public TableView PeopleTable { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    public string StatusChart { get; private set; } = "";
    public string? SchoolsChart { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        if (!await ReadFiltersAsync(HttpContext.RequestAborted))
        {
            if (format is not null) return ApiResults.Validation(Errors).ToActionResult();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        var ct = HttpContext.RequestAborted;
        Progress = await IdPlanProgress.BySchoolAsync(Db, Area.Id, Year, SelectedSchool?.Id, ct);
        IEnumerable<PlanHolder> rows = await IdPlanProgress.HoldersAsync(Db, Area.Id, Year, SelectedSchool?.Id, Waiting, ct);
        if (list.Search is { } q)
            rows = rows.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || (r.School ?? "").Contains(q, StringComparison.OrdinalIgnoreCase));
        // The oldest submission waits longest: that list starts with it.
        if (Waiting && list.Sort is null) list.Sort = "submitted";
        var sorted = Sorts.Apply(rows.AsQueryable(), list).ToList();
        var spec = Waiting ? IdPlanProgressReport.WaitingTable(Year) : IdPlanProgressReport.WithoutTable(Year);
        if (format is { } f)
            return ReportResults.File(HttpContext, await IdPlanProgressReport.BuildAsync(HttpContext, Area, Progress, AnalysesApi.Subtitle(Year, SelectedSchool, null),
                spec.ToReport(sorted), ct), f).ToActionResult();
        var schools = IdPlanProgressReport.SchoolsTable(Year);
        SchoolTable = schools.ToView([.. Progress.Schools, IdPlanProgressReport.Total(Progress)], fmt);
        StatusChart = ChartRenderer.Svg(IdPlanProgressReport.StatusChart(Progress.Area));
        SchoolsChart = IdPlanProgressReport.SchoolsChart(Progress) is { } chart ? ChartRenderer.Svg(chart) : null;
        var page = sorted.ToPaged(list);
        PeopleTable = spec.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format), ("page", null), ("fiscalYear", Year.ToString()));

    public string ListLink(bool waiting) => QueryLinks.With(Request, ("list", waiting ? WaitingList : null), ("page", null), ("sort", null), ("dir", null), ("q", null)) + "#list";
}
