using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Plans.Pages;

/// <summary>รายงาน PDCA of a project on screen, and the same report as PDF, Excel and Word (<c>?format=</c>) to print and sign.</summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class PdcaModel(AppDbContext db, UserScope user, PdcaView view) : PageModel
{
    public ProjectPdcaDto Pdca { get; private set; } = null!;
    public Report Report { get; private set; } = null!;
    public bool CanWrite => Policies.Allows(Policies.AreaAdmin, user.Role);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        var ct = HttpContext.RequestAborted;
        if (await db.PlanProjects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project) return NotFound();
        var plan = await db.DevelopmentPlans.AsNoTracking().FirstAsync(p => p.Id == project.PlanId, ct);
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == project.AreaId, ct);
        Pdca = await view.ProjectAsync(plan, project, ct);
        Report = await PdcaReport.ProjectAsync(HttpContext, Pdca, area);
        return format is { } f ? ReportResults.File(HttpContext, Report, f).ToActionResult() : Page();
    }

    public string FileLink(string format) => $"/projects/{Pdca.Id}/pdca?format={format}";
}
