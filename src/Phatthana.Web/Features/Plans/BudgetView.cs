using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Plans;

public sealed record DisbursementRowDto(string Month, BudgetCategory Category, decimal Committed, decimal Disbursed, string? Note);

/// <summary>A project's money of its fiscal year: per category and month, the rows as entered, and where it stands on the curve.</summary>
public sealed record ProjectDisbursementsDto(Guid Project, string Name, int FiscalYear, int Version, BudgetAmounts Total, IReadOnlyList<CategoryBudget> Categories,
    IReadOnlyList<MonthBudget> Months, IReadOnlyList<DisbursementRowDto> Rows, CurveDto Curve, string? JudgedMonth, decimal? JudgedTarget, decimal? JudgedPercent,
    bool BehindCurve);

/// <summary>
/// Reads budget follow-up from the database in a fixed handful of queries whatever the number of projects — the projects with
/// their plans and strategies, their money rows, the area's curve — and sums in memory (SQLite cannot sum decimals in SQL).
/// </summary>
public sealed class BudgetView(AppDbContext db, TimeProvider time)
{
    public async Task<CurveDto> CurveAsync(Guid areaId, int fiscalYear, CancellationToken ct = default)
    {
        var own = await db.DisbursementTargets.AsNoTracking().Where(t => t.AreaId == areaId && t.FiscalYear == fiscalYear)
            .Select(t => new { t.Quarter, t.Percent }).ToListAsync(ct);
        // A partial curve cannot be saved; one that is not whole is read as none.
        return CurveDto.Of(fiscalYear, own.Count == 4 ? [.. own.OrderBy(t => t.Quarter).Select(t => t.Percent)] : null);
    }

    /// <summary>The follow-up of the area's projects of a fiscal year, or of one plan's.</summary>
    public async Task<BudgetFollowUp> FollowUpAsync(Guid areaId, int fiscalYear, Guid? planId = null, CancellationToken ct = default)
    {
        var query = db.PlanProjects.AsNoTracking().Where(p => p.AreaId == areaId && p.FiscalYear == fiscalYear);
        if (planId is { } id) query = query.Where(p => p.PlanId == id);
        var projects = await query.ToListAsync(ct);
        var rows = await db.Disbursements.AsNoTracking()
            .Where(d => d.AreaId == areaId && query.Any(p => p.Id == d.ProjectId))
            .Select(d => new { d.ProjectId, d.Category, d.Month, d.Committed, d.Disbursed }).ToListAsync(ct);
        var entries = rows.Select(r => new BudgetEntry(r.ProjectId, r.Category, r.Month, r.Committed, r.Disbursed)).ToList();
        return BudgetFollowUp.Of(fiscalYear, await DescribeAsync(projects, ct), entries, await CurveAsync(areaId, fiscalYear, ct), ThaiDate.TodayInThailand(time));
    }

    public async Task<ProjectDisbursementsDto> ProjectAsync(PlanProject project, CancellationToken ct = default)
    {
        var rows = await db.Disbursements.AsNoTracking().Where(d => d.ProjectId == project.Id).ToListAsync(ct);
        var entries = rows.Select(r => new BudgetEntry(r.ProjectId, r.Category, r.Month, r.Committed, r.Disbursed)).ToList();
        var f = BudgetFollowUp.Of(project.FiscalYear, await DescribeAsync([project], ct), entries, await CurveAsync(project.AreaId, project.FiscalYear, ct),
            ThaiDate.TodayInThailand(time));
        var line = f.Projects.Single();
        return new ProjectDisbursementsDto(project.Id, project.Name, project.FiscalYear, project.Version, f.Total, f.Categories, f.Months,
            [.. rows.OrderBy(r => r.Month).ThenBy(r => r.Category).Select(r => new DisbursementRowDto(BudgetRules.Key(r.Month), r.Category, r.Committed, r.Disbursed, r.Note))],
            f.Curve, f.JudgedMonth, f.JudgedTarget, line.JudgedPercent, line.BehindCurve);
    }

    private async Task<List<BudgetProject>> DescribeAsync(List<PlanProject> projects, CancellationToken ct)
    {
        var planIds = projects.Select(p => p.PlanId).Distinct().ToList();
        var plans = await db.DevelopmentPlans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var strategies = await db.PlanStrategies.AsNoTracking().Where(s => planIds.Contains(s.PlanId)).ToDictionaryAsync(s => s.Id, s => s.Number, ct);
        return [.. projects
            .OrderBy(p => plans.GetValueOrDefault(p.PlanId), ThaiText.Comparer).ThenBy(p => strategies.GetValueOrDefault(p.StrategyId)).ThenBy(p => p.Name, ThaiText.Comparer)
            .Select(p => new BudgetProject(p.Id, p.Name, p.PlanId, plans.GetValueOrDefault(p.PlanId) ?? "", p.StrategyId, strategies.GetValueOrDefault(p.StrategyId), p.Status,
                Enum.GetValues<BudgetCategory>().ToDictionary(c => c, p.Budget)))];
    }
}
