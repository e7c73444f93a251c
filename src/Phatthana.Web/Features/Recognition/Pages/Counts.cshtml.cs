using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Recognition.Pages;

/// <summary>Seed 000's table, live: how many were selected in each programme and year (announced selections only).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CountsModel(AppDbContext db, RouteScope route, DisplayFormat fmt) : PageModel
{
    public Area Area => route.Area;
    public int? Year { get; private set; }
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list, int? year)
    {
        Year = year;
        var rows = await AwardViews.CountsAsync(db, Area.Id, year, HttpContext.RequestAborted);
        if (list.Search is { } q) rows = rows.Where(r => r.Programme.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, AwardViews.CountsTable, rows, $"award-counts-{Area.Code}", Area,
                year is { } y ? $"ปี พ.ศ. {y}" : "ทุกปี")).ToActionResult();
        Total = rows.Sum(r => r.Awarded);
        var page = rows.ToPaged(list);
        Table = AwardViews.CountsTable.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
