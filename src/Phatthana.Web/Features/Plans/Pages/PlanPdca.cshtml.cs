using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Features.Plans.Pages;

/// <summary>
/// The plan's PDCA summary of a fiscal year: every project of that year on one row with its P, D, C and A in short, the year's
/// projects and KPIs counted at the top; PDF, Excel and Word. A year that is not the plan's is named and the plan's default shown.
/// </summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class PlanPdcaModel(AppDbContext db, PlanView plans, PdcaView view) : PageModel
{
    [FromQuery] public string? FiscalYear { get; set; }
    public DevelopmentPlan Plan { get; private set; } = null!;
    public PlanPdcaDto Pdca { get; private set; } = null!;
    public YearProgress Progress { get; private set; } = null!;
    public Report Report { get; private set; } = null!;
    public string? Problem { get; private set; }
    public IEnumerable<int> Years => Enumerable.Range(Plan.StartFiscalYear, Plan.EndFiscalYear - Plan.StartFiscalYear + 1);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        var ct = HttpContext.RequestAborted;
        if (await db.DevelopmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } plan) return NotFound();
        Plan = plan;
        var year = view.Year(plan, FiscalYear);
        if (!year.Succeeded)
        {
            // A file is never made for a year that is not asked right; the page says so and shows the plan's year.
            if (format is not null) return year.ToApi(_ => TypedResults.NoContent()).ToActionResult();
            Problem = year.Errors[0].Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        var fiscalYear = year.Succeeded ? year.Value : view.DefaultYear(plan);
        var built = await plans.BuildAsync(plan, ct);
        Pdca = await view.PlanAsync(plan, built, fiscalYear, ct);
        Progress = PlanYearProgress.Of([built], fiscalYear);
        var area = await db.Areas.AsNoTracking().FirstAsync(a => a.Id == plan.AreaId, ct);
        Report = await PdcaReport.PlanAsync(HttpContext, Pdca, Progress, area);
        return format is { } f ? ReportResults.File(HttpContext, Report, f).ToActionResult() : Page();
    }

    public string FileLink(string format) => $"/plans/{Plan.Id}/pdca?fiscalYear={Pdca.FiscalYear}&format={format}";
}
