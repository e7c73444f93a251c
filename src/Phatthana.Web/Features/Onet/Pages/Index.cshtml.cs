using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Onet.Pages;

/// <summary>O-NET of the area's year and grade: the reference rows, each network's means and gains, and each school's.</summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class IndexModel(RouteScope route, UserScope scope, OnetAnalysis onet, DisplayFormat fmt) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public OnetLevel Level { get; set; } = OnetLevel.P6;
    public Area Area => route.Area;
    public bool CanImport => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public OnetYearDto Data { get; private set; } = null!;
    public TableView References { get; private set; } = null!;
    public TableView Networks { get; private set; } = null!;
    public TableView Schools { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (Year is { } y && !SchoolCalendar.IsPlausibleBuddhistYear(y)) Year = null;
        Data = await onet.YearAsync(Area.Id, Year, Level, ct: HttpContext.RequestAborted);
        if (ReportResults.WantsFile(Request))
        {
            if (!ReportResults.TryFileFormat(Request, out var format) || format is not { } f) return ReportResults.UnknownFormat(Request).ToActionResult();
            return ReportResults.File(HttpContext, await OnetApi.ReportAsync(HttpContext, Area, Data), f).ToActionResult();
        }
        References = OnetApi.ReferenceTable.ToView(new[] { Data.National, Data.Area }.Where(r => r is not null).Select(r => r!), fmt);
        var networks = new TableSpec<OnetNetworkRow>(OnetApi.NetworkTable.Title,
            [.. OnetApi.NetworkTable.Columns.Select((c, i) => i == 0 ? c with { Link = n => $"/areas/{Area.Code}/networks/{n.Id}?OnetYear={Data.AcademicYear}&Level={Data.Level}#onet" } : c)]);
        Networks = networks.ToView(Data.Networks, fmt);
        Schools = OnetApi.SchoolTable.ToView(Data.Schools, fmt);
        return Page();
    }
}
