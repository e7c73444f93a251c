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

namespace Phatthana.Web.Features.Training.Pages;

/// <summary>การพัฒนา/อบรม: the sessions (รุ่น) starting in a fiscal year, searched, sorted, paged and exported.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope user, DisplayFormat fmt, TimeProvider time) : PageModel
{
    public Area Area => route.Area;
    [FromQuery] public string? FiscalYear { get; set; }
    public int Year { get; private set; }
    public string? Problem { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanRun => Policies.Allows(Policies.RunTraining, user.Role);
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        var year = TrainingApi.FiscalYear(FiscalYear, time);
        var current = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time));
        if (!year.Succeeded)
        {
            if (TableResults.WantsFile(Request)) return year.ToApi(_ => TypedResults.NoContent()).ToActionResult();
            Problem = year.Errors[0].Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        Year = year.Succeeded ? year.Value : current;
        var rows = TrainingRows.SessionSorts.Apply(TrainingRows.SessionsOfFiscalYear(db, Area.Id, Year, list.Search), list);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, TrainingRows.SessionsTable, await rows.ToListAsync(), $"training-{Area.Code}-{Year}", Area,
                $"ปีงบประมาณ {Year}")).ToActionResult();
        Years = await TrainingRows.FiscalYearsAsync(db, Area.Id, current);
        var page = await rows.ToPagedAsync(list);
        Table = TrainingRows.SessionsTable.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
