using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Web.Features.Plans;

public sealed record KpiYearDto(int FiscalYear, decimal? Target, decimal? Actual, decimal? Achievement, TrafficLight Light, string? Note);

public sealed record KpiDto(Guid Id, string Name, KpiUnit Unit, KpiDirection Direction, Guid? StrategyId, Guid? ProjectId, string? Metric, string? MetricName,
    int SortOrder, int Version, IReadOnlyList<KpiYearDto> Years);

public sealed record ProjectSummaryDto(Guid Id, Guid StrategyId, string Name, int FiscalYear, ProjectStatus Status, string? Division, string? ResponsiblePerson,
    DateOnly? StartDate, DateOnly? EndDate, decimal Budget, decimal Disbursed, int Activities, int ActivitiesDone, int ActivitiesLate, int ActivitiesOverdue, bool Behind, int Version);

public sealed record StrategyDto(Guid Id, int Number, string Name, IReadOnlyList<string> Alignment, int Version);

public sealed record PlanDto(Guid Id, string Name, PlanKind Kind, int StartFiscalYear, int EndFiscalYear, string? Description, int Version,
    IReadOnlyList<StrategyDto> Strategies, IReadOnlyList<ProjectSummaryDto> Projects, IReadOnlyList<KpiDto> Kpis);

/// <summary>
/// A plan as everyone reads it: its strategies, projects (budget, disbursed, activities done and late) and KPIs with the
/// target, actual, achievement and light of every plan year up to this one. A bound KPI's actual is its metric computed now;
/// an entered one's is the year's last half-year entered (round 2 when there, else round 1).
/// </summary>
public sealed class PlanView(AppDbContext db, KpiMetrics metrics, TimeProvider time)
{
    public async Task<PlanDto> BuildAsync(DevelopmentPlan plan, CancellationToken ct = default)
    {
        var today = ThaiDate.TodayInThailand(time);
        var currentYear = SchoolCalendar.FiscalYearOf(today);
        var strategies = await db.PlanStrategies.AsNoTracking().Where(s => s.PlanId == plan.Id).OrderBy(s => s.Number).ToListAsync(ct);
        var projects = await db.PlanProjects.AsNoTracking().Where(p => p.PlanId == plan.Id).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var disbursed = await db.Disbursements.AsNoTracking().Where(d => ids.Contains(d.ProjectId)).GroupBy(d => d.ProjectId)
            .Select(g => new { g.Key, Sum = g.Sum(d => d.Disbursed) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var activities = (await db.ProjectActivities.AsNoTracking().Where(a => ids.Contains(a.ProjectId)).ToListAsync(ct)).ToLookup(a => a.ProjectId);
        var divisions = await db.Divisions.AsNoTracking().Where(d => d.AreaId == plan.AreaId).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var kpis = await db.Kpis.AsNoTracking().Where(k => k.PlanId == plan.Id).ToListAsync(ct);
        var kpiIds = kpis.Select(k => k.Id).ToList();
        var targets = (await db.KpiTargets.AsNoTracking().Where(t => kpiIds.Contains(t.KpiId)).ToListAsync(ct)).ToLookup(t => t.KpiId);
        var actuals = (await db.KpiActuals.AsNoTracking().Where(a => kpiIds.Contains(a.KpiId)).ToListAsync(ct)).ToLookup(a => a.KpiId);
        var strategyOrder = strategies.ToDictionary(s => s.Id, s => s.Number);

        var readings = new MetricReadings(db);
        // A bound KPI's years up to now are counted together (the metric decides how: one statement for all where it can).
        List<int> upToNow = [.. Enumerable.Range(plan.StartFiscalYear, Math.Max(0, Math.Min(plan.EndFiscalYear, currentYear) - plan.StartFiscalYear + 1))];
        var kpiDtos = new List<KpiDto>();
        foreach (var k in kpis.OrderBy(k => k.StrategyId is { } s ? strategyOrder.GetValueOrDefault(s) : 0).ThenBy(k => k.SortOrder).ThenBy(k => k.Name))
        {
            var metric = metrics.Find(k.Metric);
            var measured = metric is null ? null
                : upToNow.Count == 0 ? new Dictionary<int, decimal?>() : await metric.ComputeYearsAsync(readings, plan.AreaId, upToNow, k.ProjectId, ct);
            var years = new List<KpiYearDto>();
            for (var year = plan.StartFiscalYear; year <= plan.EndFiscalYear; year++)
            {
                var target = targets[k.Id].FirstOrDefault(t => t.FiscalYear == year)?.Target;
                decimal? actual = null;
                string? note = null;
                if (year <= currentYear)
                {
                    if (measured is not null) actual = measured.GetValueOrDefault(year);
                    else if (actuals[k.Id].Where(a => a.FiscalYear == year).OrderByDescending(a => a.Half).FirstOrDefault() is { } entered)
                        (actual, note) = (entered.Value, entered.Note);
                }
                years.Add(new KpiYearDto(year, target, actual, KpiRules.Achievement(actual, target, k.Direction), KpiRules.Light(actual, target, k.Direction), note));
            }
            kpiDtos.Add(new KpiDto(k.Id, k.Name, k.Unit, k.Direction, k.StrategyId, k.ProjectId, k.Metric, metric?.Name, k.SortOrder, k.Version, years));
        }
        return new PlanDto(plan.Id, plan.Name, plan.Kind, plan.StartFiscalYear, plan.EndFiscalYear, plan.Description, plan.Version,
            strategies.Select(s => new StrategyDto(s.Id, s.Number, s.Name, s.Alignment, s.Version)).ToList(),
            projects.OrderBy(p => strategyOrder.GetValueOrDefault(p.StrategyId)).ThenBy(p => p.FiscalYear).ThenBy(p => p.Name, ThaiText.Comparer).Select(p =>
            {
                var a = activities[p.Id].ToList();
                return new ProjectSummaryDto(p.Id, p.StrategyId, p.Name, p.FiscalYear, p.Status, p.DivisionId is { } d ? divisions.GetValueOrDefault(d) : null,
                    p.ResponsiblePerson, p.StartDate, p.EndDate, p.TotalBudget, disbursed.GetValueOrDefault(p.Id), a.Count, a.Count(x => x.DoneOn is not null),
                    a.Count(x => ProjectSchedule.IsLate(x, today)), a.Count(x => ProjectSchedule.IsOverdue(x, today)), ProjectSchedule.IsBehind(p, a, today), p.Version);
            }).ToList(),
            kpiDtos);
    }
}
