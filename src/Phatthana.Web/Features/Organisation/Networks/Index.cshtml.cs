using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Networks;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope scope, DisplayFormat fmt) : PageModel
{
    private static readonly SortMap<NetworkDto> Sorts = new SortMap<NetworkDto>("name")
        .Add("name", n => n.Name).Add("schools", n => n.Schools);

    /// <summary>The table of the page links each network to its page; the export keeps plain names.</summary>
    private TableSpec<NetworkDto> PageTable => new(NetworksApi.Table.Title,
        [.. NetworksApi.Table.Columns.Select((c, i) => i == 0 ? c with { Link = n => $"/areas/{route.Area.Code}/networks/{n.Id}" } : c)]);

    /// <summary>Bound from the query string only: Razor Pages keeps a route value named "page" too.</summary>
    public ListQuery List { get; private set; } = new();
    public Area Area => route.Area;
    public Features.Accounts.Role? Role => scope.Role;
    public bool CanCreate => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        List = list;
        var rows = NetworksApi.Rows(db, Area.Id);
        if (List.Search is { } q) rows = rows.Where(n => n.Name.Contains(q) || (n.Chair != null && n.Chair.Contains(q)));
        var sorted = Sorts.Apply(rows, List);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, NetworksApi.Table, await sorted.ToListAsync(), $"networks-{Area.Code}", Area)).ToActionResult();
        var page = await sorted.ToPagedAsync(List);
        Table = PageTable.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        return Page();
    }
}
