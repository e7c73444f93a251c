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
/// A plan as seed 004 lays it out: per strategy its projects and its KPIs with the target of every year, the actual so far
/// and a traffic light; forms for area staff to add a strategy, a project and a KPI (targets per year, or bound to a metric);
/// the table as Excel, PDF and Word.
/// </summary>
[Authorize(Policy = Policies.ReadAreaAnalyses)]
public sealed class PlanModel(AppDbContext db, UserScope user, PlanView view, SavePlan plans, SaveProject projects, SaveKpi kpis, KpiMetrics metrics, TimeProvider time) : PageModel
{
    public sealed class StrategyForm
    {
        public int? Number { get; set; }
        public string? Name { get; set; }
    }

    public sealed class ProjectForm
    {
        public string? Strategy { get; set; }
        public string? Name { get; set; }
        public int? FiscalYear { get; set; }
    }

    public sealed class KpiForm
    {
        public string? Name { get; set; }
        public string? Unit { get; set; } = nameof(KpiUnit.Percent);
        public string? Direction { get; set; } = nameof(KpiDirection.HigherIsBetter);
        public string? Strategy { get; set; }
        public string? Metric { get; set; }
        public List<decimal?> Targets { get; set; } = [];
    }

    [BindProperty] public StrategyForm NewStrategy { get; set; } = new();
    [BindProperty] public ProjectForm NewProject { get; set; } = new();
    [BindProperty] public KpiForm NewKpi { get; set; } = new();
    /// <summary>Which form was sent, so its messages show with it.</summary>
    public string? Sent { get; private set; }
    public PlanDto Plan { get; private set; } = null!;
    public string AreaCode { get; private set; } = "";
    public IReadOnlyList<IKpiMetric> Metrics => metrics.All;
    public bool CanWrite => Policies.Allows(Policies.AreaAdmin, user.Role);
    /// <summary>The year whose budget the plan's follow-up link opens: this fiscal year when the plan covers it, else the nearest plan year.</summary>
    public int BudgetYear => Math.Clamp(SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time)), Plan.StartFiscalYear, Plan.EndFiscalYear);
    public IEnumerable<int> Years => Enumerable.Range(Plan.StartFiscalYear, Plan.EndFiscalYear - Plan.StartFiscalYear + 1);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!ReportResults.TryFileFormat(Request, out var format)) return ReportResults.UnknownFormat(Request).ToActionResult();
        if (await FindAsync(id) is not { } plan) return NotFound();
        Plan = await view.BuildAsync(plan, HttpContext.RequestAborted);
        if (format is { } f) return ReportResults.File(HttpContext, await PlanReport.BuildAsync(HttpContext, Plan, plan.AreaId), f).ToActionResult();
        return Page();
    }

    public Task<IActionResult> OnPostStrategyAsync(Guid id) => WriteAsync(id, "strategy", nameof(NewStrategy), async plan =>
        (await plans.SaveStrategyAsync(plan, null, new StrategyInput(NewStrategy.Number, NewStrategy.Name, null, null))).Failed(out var errors) ? errors : null);

    public Task<IActionResult> OnPostProjectAsync(Guid id) => WriteAsync(id, "project", nameof(NewProject), async plan =>
    {
        var strategy = Guid.TryParse(NewProject.Strategy, out var sid) ? await db.PlanStrategies.FirstOrDefaultAsync(s => s.Id == sid && s.PlanId == plan.Id) : null;
        if (strategy is null) return [new("strategy", "กรุณาเลือกยุทธศาสตร์ของโครงการ")];
        var outcome = await projects.SaveAsync(plan, strategy, null, new ProjectInput(NewProject.Name, NewProject.FiscalYear, null, null, null, null, null, null, null, null,
            null, null, null, null, null));
        if (outcome.Succeeded) _next = $"/projects/{outcome.Value!.Id}";
        return outcome.Failed(out var errors) ? errors : null;
    });

    public Task<IActionResult> OnPostKpiAsync(Guid id) => WriteAsync(id, "kpi", nameof(NewKpi), async plan =>
    {
        var years = Enumerable.Range(plan.StartFiscalYear, plan.EndFiscalYear - plan.StartFiscalYear + 1).ToList();
        var targets = years.Select((y, i) => (Year: y, Value: i < NewKpi.Targets.Count ? NewKpi.Targets[i] : null)).Where(t => t.Value is not null)
            .Select(t => (TargetInput?)new TargetInput(t.Year, t.Value)).ToList();
        var outcome = await kpis.SaveAsync(plan, null, new KpiInput(NewKpi.Name, NewKpi.Unit, NewKpi.Direction, NewKpi.Strategy, null, NewKpi.Metric, targets, null, null));
        return outcome.Failed(out var errors) ? errors : null;
    });

    private string? _next;

    private async Task<IActionResult> WriteAsync(Guid id, string sent, string prefix, Func<DevelopmentPlan, Task<IReadOnlyList<Shared.Validation.FieldError>?>> write)
    {
        Sent = sent;
        if (!CanWrite) return Forbid();
        if (await FindAsync(id) is not { } plan) return NotFound();
        if (await write(plan) is { } errors)
        {
            foreach (var e in errors) ModelState.AddModelError(Shared.Validation.Outcome<object>.FormKey(prefix, e.Field), e.Message);
            Plan = await view.BuildAsync(plan, HttpContext.RequestAborted);
            return Page();
        }
        TempData["Flash"] = "บันทึกแล้ว";
        return Redirect(_next ?? $"/plans/{id}");
    }

    private async Task<DevelopmentPlan?> FindAsync(Guid id)
    {
        var plan = await db.DevelopmentPlans.FirstOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (plan is not null) AreaCode = await db.Areas.AsNoTracking().Where(a => a.Id == plan.AreaId).Select(a => a.Code).FirstAsync(HttpContext.RequestAborted);
        return plan;
    }

    public static string LightClass(TrafficLight light) => $"light light-{light.ToString().ToLowerInvariant()}";
}

internal static class OutcomeErrors
{
    /// <summary>The failure's messages (a conflict's too), for pages that put them under their own form.</summary>
    public static bool Failed<T>(this Shared.Validation.Outcome<T> outcome, out IReadOnlyList<Shared.Validation.FieldError> errors)
    {
        errors = outcome.Conflict is { } c ? [.. outcome.Errors, c] : outcome.Errors;
        return !outcome.Succeeded;
    }
}
