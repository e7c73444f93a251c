using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Areas;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AppDbContext db, UserScope scope, DisplayFormat fmt) : PageModel
{
    private static readonly SortMap<Area> Sorts = new SortMap<Area>("code")
        .Add("code", a => a.Code).Add("name", a => a.Name).Add("province", a => a.Province);

    /// <summary>Bound from the query string only: Razor Pages keeps a route value named "page" too.</summary>
    public ListQuery List { get; private set; } = new();
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;
    public bool CanCreate => scope.AllAreas;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        List = list;
        var query = db.Areas.AsNoTracking();
        if (List.Search is { } q) query = query.Where(a => a.Code.Contains(q) || a.Name.Contains(q) || a.Province.Contains(q));
        var sorted = Sorts.Apply(query, List);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, AreasApi.Table, await sorted.ToListAsync(), "areas", null)).ToActionResult();
        var page = await sorted.ToPagedAsync(List);
        Table = AreasApi.Table.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
