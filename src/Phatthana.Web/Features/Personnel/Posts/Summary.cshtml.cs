using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Personnel.Posts;

/// <summary>The area's register in totals: posts, filled, vacant, administrators and teachers per school and for the area.</summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class SummaryModel(AppDbContext db, RouteScope route, DisplayFormat fmt) : PageModel
{
    private static readonly SortMap<PostTotalsDto> Sorts = new SortMap<PostTotalsDto>("code")
        .Add("code", t => t.School).Add("name", t => t.Name).Add("posts", t => t.Posts).Add("filled", t => t.Filled)
        .Add("vacant", t => t.Vacant).Add("administrators", t => t.Administrators).Add("teachers", t => t.Teachers);

    public Area Area => route.Area;
    public PostTotalsDto Total { get; private set; } = null!;
    public int SchoolsWithVacancies { get; private set; }
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        var all = await PostsApi.TotalsAsync(db, Area.Id);
        Total = PostsApi.Sum("รวมทั้งเขตพื้นที่", all);
        SchoolsWithVacancies = all.Count(t => t.Vacant > 0);
        var rows = all.AsQueryable();
        if (list.Search is { } q) rows = rows.Where(t => t.School.Contains(q) || t.Name.Contains(q));
        var sorted = Sorts.Apply(rows, list).ToList();
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, PostsApi.TotalsTable, [.. sorted, Total], $"posts-{Area.Code}", Area)).ToActionResult();
        var page = sorted.ToPaged(list);
        Table = PostsApi.TotalsTable.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
