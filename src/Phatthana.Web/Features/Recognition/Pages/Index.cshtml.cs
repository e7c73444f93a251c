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

namespace Phatthana.Web.Features.Recognition.Pages;

/// <summary>The area's award programmes: searchable, sortable, paged and exported like every list; a new one for area staff.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope scope, DisplayFormat fmt) : PageModel
{
    private static readonly SortMap<ProgrammeRow> Sorts = new SortMap<ProgrammeRow>("name")
        .Add("name", p => p.Name).Add("level", p => p.Level).Add("selections", p => p.Selections).Add("awarded", p => p.Awarded);

    private TableSpec<ProgrammeRow> PageTable => new(AwardViews.ProgrammesTable.Title,
        [.. AwardViews.ProgrammesTable.Columns.Select((c, i) => i == 0 ? c with { Link = p => $"/award-programmes/{p.Id}" } : c)]);

    public ListQuery List { get; private set; } = new();
    public Area Area => route.Area;
    public bool CanCreate => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        List = list;
        var rows = AwardViews.Programmes(db, Area.Id);
        if (List.Search is { } q) rows = rows.Where(p => p.Name.Contains(q));
        var sorted = Sorts.Apply(rows, List);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, AwardViews.ProgrammesTable, await sorted.ToListAsync(), $"award-programmes-{Area.Code}", Area)).ToActionResult();
        var page = await sorted.ToPagedAsync(List);
        Table = PageTable.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
