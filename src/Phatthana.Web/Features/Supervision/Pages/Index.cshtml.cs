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

namespace Phatthana.Web.Features.Supervision.Pages;

/// <summary>The area's supervision visits: search, filter by school, network, supervisor, level, year and semester, sort, page, export.</summary>
[Authorize(Policy = Policies.ReadSupervision)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope user, SupervisionLookups lookups, SaveVisit save, DisplayFormat fmt) : PageModel
{
    public Area Area => route.Area;
    public bool CanWrite => Policies.Allows(Policies.WriteSupervision, user.Role);
    public bool CanSummarise => Policies.Allows(Policies.ReadAreaAnalyses, user.Role);
    /// <summary>A director's list is their school's: no school or network to choose.</summary>
    public bool OneSchool => user.SchoolId is not null;
    public VisitFilter Filter { get; private set; } = new();
    public string? Problem { get; private set; }
    public IReadOnlyList<Choice> Schools { get; private set; } = [];
    public IReadOnlyList<Choice> Networks { get; private set; } = [];
    public IReadOnlyList<Choice> Supervisors { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list, string? school, string? network, string? supervisor, string? level,
        string? academicYear, string? semester, bool overdue = false)
    {
        var ct = HttpContext.RequestAborted;
        var read = VisitFilter.Read(school, network, supervisor, level, academicYear, semester, overdue);
        if (read.Succeeded) Filter = read.Value!;
        else
        {
            Problem = string.Join(" ", read.Errors.Select(e => e.Message));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        Schools = await lookups.SchoolsAsync(Area.Id, ct);
        Networks = await lookups.NetworksAsync(Area.Id, ct);
        Supervisors = await lookups.SupervisorsAsync(Area.Id, ct);
        Years = await lookups.YearsAsync(Area.Id, ct);
        var rows = VisitRows.Sorts.Apply(VisitRows.Query(db, Area.Id, Filter, list.Search, save.Today), list);
        if (TableResults.WantsFile(Request))
        {
            var subtitles = Filter.Describe(Networks.FirstOrDefault(n => n.Value == Filter.Network?.ToString())?.Label,
                Schools.FirstOrDefault(s => s.Value == Filter.School)?.Label, Supervisors.FirstOrDefault(s => s.Value == Filter.Supervisor)?.Label);
            return (await TableResults.FileAsync(HttpContext, VisitRows.Table, await rows.ToListAsync(ct),
                $"supervision-visits-{Area.Code}", Area, [.. subtitles])).ToActionResult();
        }
        var page = await rows.ToPagedAsync(list, ct);
        Table = VisitRows.Table.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
