using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Organisation.Schools;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope scope, DisplayFormat fmt) : PageModel
{
    private static readonly SortMap<SchoolDto> Sorts = new SortMap<SchoolDto>("code")
        .Add("code", s => s.Code).Add("name", s => s.Name).Add("type", s => s.Type)
        .Add("district", s => s.District).Add("network", s => s.Network);

    /// <summary>Bound from the query string only: Razor Pages keeps a route value named "page" too.</summary>
    public ListQuery List { get; private set; } = new();
    [BindProperty(SupportsGet = true)] public SchoolType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Network { get; set; }

    public Area Area => route.Area;
    public bool CanCreate => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public IReadOnlyList<string> Districts { get; private set; } = [];
    public IReadOnlyList<string> Networks { get; private set; } = [];
    public TableView Table { get; private set; } = null!;
    public PagerModel Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] ListQuery list)
    {
        List = list;
        var rows = SchoolsApi.Rows(db, Area.Id);
        if (List.Search is { } q) rows = rows.Where(s => s.Code.Contains(q) || s.Name.Contains(q) || (s.SmisCode != null && s.SmisCode.Contains(q)) || (s.ObecCode != null && s.ObecCode.Contains(q)));
        if (Type is { } type) rows = rows.Where(s => s.Type == type);
        if (!string.IsNullOrWhiteSpace(District)) rows = rows.Where(s => s.District == District);
        if (!string.IsNullOrWhiteSpace(Network)) rows = rows.Where(s => s.Network == Network);
        var sorted = Sorts.Apply(rows, List);
        if (TableResults.WantsFile(Request))
            return (await TableResults.FileAsync(HttpContext, SchoolsApi.Table, await sorted.ToListAsync(), $"schools-{Area.Code}", Area)).ToActionResult();

        var page = await sorted.ToPagedAsync(List);
        Table = SchoolsApi.Table.ToView(page.Items, fmt);
        Pager = PagerModel.From(page);
        Districts = await AreaLookups.DistrictNamesAsync(db, Area.Id);
        Networks = await AreaLookups.NetworkNamesAsync(db, Area.Id);
        return Page();
    }
}
