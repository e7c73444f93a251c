using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Organisation;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Development.Surveys;

/// <summary>The area's needs survey rounds, newest first, each with how its target group has answered; the area's staff start new ones.</summary>
[Authorize(Policy = Policies.ReadPeople)]
public sealed class IndexModel(AppDbContext db, RouteScope route, UserScope scope, TimeProvider time, DisplayFormat fmt) : PageModel
{
    public Area Area => route.Area;
    public bool CanEdit => Policies.Allows(Policies.AreaAdmin, scope.Role);
    public TableView Table { get; private set; } = null!;

    public static string Link(string area) => $"/areas/{area}/development/surveys";

    public async Task<IActionResult> OnGetAsync()
    {
        var rows = await NeedsSurveysApi.ListAsync(db, time, Area.Id, null, HttpContext.RequestAborted);
        var spec = SurveyTables.Surveys(s => $"{Link(Area.Code)}/{s.Id}");
        if (ReportResults.WantsFile(Request)) return (await TableResults.FileAsync(HttpContext, spec, rows, $"needs-surveys-{Area.Code}", Area)).ToActionResult();
        Table = spec.ToView(rows, fmt);
        return Page();
    }
}
