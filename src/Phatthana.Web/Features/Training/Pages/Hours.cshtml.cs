using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>People whose development hours in the fiscal year are below the area's yearly requirement, per school; with export.</summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class HoursModel(AppDbContext database, RouteScope route, TimeProvider time, DisplayFormat fmt) : TrainingYearPage(database, route, time)
{
    private static readonly SortMap<PersonHours> Sorts = new SortMap<PersonHours>("school")
        .Add("school", r => r.School ?? "\uffff", r => r.Name).Add("name", r => r.Name)
        .Add("hours", r => r.SessionHours + r.ExternalHours).Add("shortfall", r => r.Required - r.SessionHours - r.ExternalHours);

    public int Counted { get; private set; }
    public int Below { get; private set; }
    public int Zero { get; private set; }
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        if (!await ReadFiltersAsync(HttpContext.RequestAborted))
        {
            if (format is not null) return ApiResults.Validation(Errors).ToActionResult();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        var all = await TrainingLedger.HoursAsync(Db, Area.Id, Year, SelectedSchool?.Id, HttpContext.RequestAborted);
        Counted = all.Count;
        var below = all.Where(r => r.Hours < r.Required).ToList();
        Below = below.Count;
        Zero = below.Count(r => r.Hours == 0);
        IEnumerable<PersonHours> rows = below;
        if (list.Search is { } q) rows = rows.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || (r.School ?? "").Contains(q, StringComparison.OrdinalIgnoreCase));
        var sorted = Sorts.Apply(rows.AsQueryable(), list).ToList();
        if (format is not null)
            return (await TableResults.FileAsync(HttpContext, TrainingLedger.HoursTable, sorted, $"training-hours-{Area.Code}-{Year}", Area,
                Subtitle, $"เกณฑ์ {Settings.RequiredHoursPerYear:#,0.##} ชั่วโมงต่อปี · ต่ำกว่าเกณฑ์ {Below:#,0} จาก {Counted:#,0} คน")).ToActionResult();
        var page = sorted.ToPaged(list);
        Table = TrainingLedger.HoursTable.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }

    public string FileLink(string format) => QueryLinks.With(Request, ("format", format), ("page", null));
}
