using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.Web.Features.Plans.Pages;

/// <summary>
/// A plan's progress dashboard of a fiscal year: the year's KPI lights and projects counted, every KPI's target against its
/// actual in each plan year with its light, and the year's projects on or behind schedule. A year that is not the plan's is
/// named and the plan's default shown.
/// </summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class ProgressModel(AppDbContext db, PlanView plans, PdcaView view, BudgetView budgets) : PageModel
{
    [FromQuery] public string? FiscalYear { get; set; }
    public DevelopmentPlan Plan { get; private set; } = null!;
    public PlanProgressDto Progress { get; private set; } = null!;
    public BudgetFollowUp Budget { get; private set; } = null!;
    public string? Problem { get; private set; }
    public string AreaCode { get; private set; } = "";
    public IEnumerable<int> Years => Enumerable.Range(Plan.StartFiscalYear, Plan.EndFiscalYear - Plan.StartFiscalYear + 1);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        if (await db.DevelopmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } plan) return NotFound();
        Plan = plan;
        AreaCode = await db.Areas.AsNoTracking().Where(a => a.Id == plan.AreaId).Select(a => a.Code).FirstAsync(ct);
        var year = view.Year(plan, FiscalYear);
        if (!year.Succeeded)
        {
            Problem = year.Errors[0].Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        Progress = PlanProgressDto.Of(await plans.BuildAsync(plan, ct), year.Succeeded ? year.Value : view.DefaultYear(plan));
        Budget = await budgets.FollowUpAsync(plan.AreaId, Progress.FiscalYear, plan.Id, ct);
        return Page();
    }

    public int? StrategyNumber(KpiDto k) => k.StrategyId is { } s ? Progress.Strategies.FirstOrDefault(x => x.Id == s)?.Number : null;

    public int? StrategyNumber(ProjectSummaryDto p) => Progress.Strategies.FirstOrDefault(x => x.Id == p.StrategyId)?.Number;
}
