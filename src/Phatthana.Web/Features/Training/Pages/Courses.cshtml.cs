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

/// <summary>The area's courses: search, sort, page, export; "เพิ่มหลักสูตร" for those who run training.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CoursesModel(AppDbContext db, RouteScope route, UserScope user, DisplayFormat fmt, TimeProvider time) : PageModel
{
    public Area Area => route.Area;
    public bool CanRun => Policies.Allows(Policies.RunTraining, user.Role);
    public int FiscalYear => SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time));
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        var rows = TrainingRows.CourseSorts.Apply(TrainingRows.Courses(db, Area.Id, list.Search), list);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, TrainingRows.CoursesTable, await rows.ToListAsync(), $"courses-{Area.Code}", Area)).ToActionResult();
        var page = await rows.ToPagedAsync(list);
        Table = TrainingRows.CoursesTable.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
