using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Plans;

public sealed record PdcaBudgetLine(BudgetCategory Category, decimal Budget);

public sealed record PdcaSpendingLine(BudgetCategory Category, decimal Budget, decimal Committed, decimal Disbursed)
{
    public decimal Remaining => Budget - Committed - Disbursed;
    public decimal? DisbursedPercent => Budget == 0 ? null : Math.Round(Disbursed * 100m / Budget, 2, MidpointRounding.AwayFromZero);
}

public sealed record PdcaActivity(string Name, DateOnly StartDate, DateOnly EndDate, DateOnly? DoneOn, ActivityProgress Progress, string? Note);

public sealed record PdcaCourse(string Course, string Session, DateOnly StartDate, DateOnly EndDate, DevelopmentMethod Method, int Enrolled, int Passed, decimal PassedPercent);

public sealed record PdcaKpi(Guid Id, string Name, KpiUnit Unit, KpiDirection Direction, bool OfProject, string? MetricName, decimal? Target, decimal? Actual,
    decimal? Achievement, TrafficLight Light, string? Note);

/// <summary>P: what was planned — objectives, methods, target group, period, who answers for it, budget by category.</summary>
public sealed record PdcaPlanPart(string? Objectives, string? Methods, string? TargetGroup, DateOnly? StartDate, DateOnly? EndDate, string? Division,
    string? ResponsiblePerson, IReadOnlyList<string> Alignment, IReadOnlyList<PdcaBudgetLine> Budget, decimal TotalBudget);

/// <summary>D: what was done — activities against their dates, the courses run with who passed, and the money spent.</summary>
public sealed record PdcaDoPart(IReadOnlyList<PdcaActivity> Activities, IReadOnlyList<PdcaCourse> Courses, IReadOnlyList<PdcaSpendingLine> Spending)
{
    public int ActivitiesDone => Activities.Count(a => a.DoneOn is not null);
    public int ActivitiesLate => Activities.Count(a => a.Progress is ActivityProgress.Late or ActivityProgress.Overdue);
    public int Enrolled => Courses.Sum(c => c.Enrolled);
    public int Passed => Courses.Sum(c => c.Passed);
    public decimal? PassedPercent => Enrolled == 0 ? null : Math.Round(Passed * 100m / Enrolled, 2, MidpointRounding.AwayFromZero);
    public decimal Committed => Spending.Sum(s => s.Committed);
    public decimal Disbursed => Spending.Sum(s => s.Disbursed);
}

/// <summary>C: the project's KPIs and its strategy's in the project's fiscal year, and whether the project runs to schedule.</summary>
public sealed record PdcaCheckPart(int FiscalYear, IReadOnlyList<PdcaKpi> Kpis, bool Behind)
{
    public int Met => Kpis.Count(k => k.Light == TrafficLight.Green);
    public int Close => Kpis.Count(k => k.Light == TrafficLight.Amber);
    public int Below => Kpis.Count(k => k.Light == TrafficLight.Red);
}

/// <summary>A project's PDCA (seed 002's four steps): P, D, C, and A — what the office changes after checking.</summary>
public sealed record ProjectPdcaDto(Guid Id, string Name, int FiscalYear, ProjectStatus Status, Guid PlanId, string PlanName, int StrategyNumber, string Strategy,
    PdcaPlanPart Plan, PdcaDoPart Do, PdcaCheckPart Check, string? CheckNotes, string? Act, int Version);

public sealed record PlanPdcaDto(Guid Id, string Name, int FiscalYear, IReadOnlyList<ProjectPdcaDto> Projects);

/// <summary>
/// Builds projects' PDCA from the data: the plan as <see cref="PlanView"/> reads it (KPIs and their lights, divisions), the
/// activities, the courses linked to each project through the training summary's reader (sessions starting in the project's
/// year), and the disbursement rows as they are (summed in memory: SQLite cannot sum decimals). A handful of queries whatever
/// the number of projects.
/// </summary>
public sealed class PdcaView(AppDbContext db, PlanView plans, TimeProvider time)
{
    public async Task<ProjectPdcaDto> ProjectAsync(DevelopmentPlan plan, PlanProject project, CancellationToken ct = default) =>
        (await BuildAsync(plan, await plans.BuildAsync(plan, ct), [project], ct)).Single();

    public async Task<PlanPdcaDto> PlanAsync(DevelopmentPlan plan, int fiscalYear, CancellationToken ct = default) =>
        await PlanAsync(plan, await plans.BuildAsync(plan, ct), fiscalYear, ct);

    /// <summary>The plan's projects of a fiscal year, from the plan as already built (so its live KPIs are computed once).</summary>
    public async Task<PlanPdcaDto> PlanAsync(DevelopmentPlan plan, PlanDto view, int fiscalYear, CancellationToken ct = default)
    {
        var projects = await db.PlanProjects.AsNoTracking().Where(p => p.PlanId == plan.Id && p.FiscalYear == fiscalYear).ToListAsync(ct);
        var order = view.Projects.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        projects = [.. projects.OrderBy(p => order.GetValueOrDefault(p.Id))];
        return new PlanPdcaDto(plan.Id, plan.Name, fiscalYear, await BuildAsync(plan, view, projects, ct));
    }

    /// <summary>The year a plan's PDCA shows when none is asked: this fiscal year while the plan runs, else its nearest year.</summary>
    public int DefaultYear(DevelopmentPlan plan) =>
        Math.Clamp(SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(time)), plan.StartFiscalYear, plan.EndFiscalYear);

    /// <summary>The fiscal year asked of a plan (พ.ศ.), one of its own; none asked is <see cref="DefaultYear"/>.</summary>
    public Outcome<int> Year(DevelopmentPlan plan, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Outcome<int>.Ok(DefaultYear(plan));
        if (!SchoolCalendar.TryReadYear(text, out var year)) return Outcome<int>.Invalid([SchoolCalendar.BadYear("fiscalYear", "ปีงบประมาณ", text)]);
        return plan.Covers(year) ? Outcome<int>.Ok(year)
            : Outcome<int>.Invalid([new("fiscalYear", $"ปีงบประมาณ {year} อยู่นอกช่วงของแผน ({plan.StartFiscalYear}–{plan.EndFiscalYear})")]);
    }

    private async Task<List<ProjectPdcaDto>> BuildAsync(DevelopmentPlan plan, PlanDto view, List<PlanProject> projects, CancellationToken ct)
    {
        var today = ThaiDate.TodayInThailand(time);
        var ids = projects.Select(p => p.Id).ToList();
        var activities = (await db.ProjectActivities.AsNoTracking().Where(a => ids.Contains(a.ProjectId)).ToListAsync(ct)).ToLookup(a => a.ProjectId);
        var money = (await db.Disbursements.AsNoTracking().Where(d => ids.Contains(d.ProjectId))
            .Select(d => new { d.ProjectId, d.Category, d.Committed, d.Disbursed }).ToListAsync(ct)).ToLookup(d => d.ProjectId);
        var links = (await db.ProjectCourses.AsNoTracking().Where(c => ids.Contains(c.ProjectId)).Select(c => new { c.ProjectId, c.CourseId }).ToListAsync(ct))
            .ToLookup(c => c.ProjectId, c => c.CourseId);
        var courses = await CoursesAsync(plan.AreaId, projects, links, ct);

        return projects.Select(p =>
        {
            var summary = view.Projects.Single(x => x.Id == p.Id);
            var strategy = view.Strategies.Single(s => s.Id == p.StrategyId);
            var planPart = new PdcaPlanPart(p.Objectives, p.Methods, p.TargetGroup, p.StartDate, p.EndDate, summary.Division, p.ResponsiblePerson, p.Alignment,
                [.. Enum.GetValues<BudgetCategory>().Select(c => new PdcaBudgetLine(c, p.Budget(c)))], p.TotalBudget);
            var spent = money[p.Id].ToList();
            var doPart = new PdcaDoPart(
                [.. activities[p.Id].OrderBy(a => a.StartDate).ThenBy(a => a.Name, StringComparer.Ordinal)
                    .Select(a => new PdcaActivity(a.Name, a.StartDate, a.EndDate, a.DoneOn, ProjectSchedule.Of(a, today), a.Note))],
                courses.GetValueOrDefault(p.Id) ?? [],
                [.. Enum.GetValues<BudgetCategory>().Select(c => new PdcaSpendingLine(c, p.Budget(c),
                    spent.Where(s => s.Category == c).Sum(s => s.Committed), spent.Where(s => s.Category == c).Sum(s => s.Disbursed)))]);
            var kpis = view.Kpis.Where(k => k.ProjectId == p.Id || (k.ProjectId is null && k.StrategyId == p.StrategyId))
                .Select(k => (Kpi: k, Year: k.Years.FirstOrDefault(y => y.FiscalYear == p.FiscalYear)))
                .Select(x => new PdcaKpi(x.Kpi.Id, x.Kpi.Name, x.Kpi.Unit, x.Kpi.Direction, x.Kpi.ProjectId == p.Id, x.Kpi.MetricName, x.Year?.Target, x.Year?.Actual,
                    x.Year?.Achievement, x.Year?.Light ?? TrafficLight.None, x.Year?.Note))
                .OrderBy(k => k.OfProject ? 1 : 0).ToList();
            return new ProjectPdcaDto(p.Id, p.Name, p.FiscalYear, p.Status, plan.Id, plan.Name, strategy.Number, strategy.Name, planPart, doPart,
                new PdcaCheckPart(p.FiscalYear, kpis, summary.Behind), p.CheckNotes, p.ActNotes, p.Version);
        }).ToList();
    }

    /// <summary>Each project's courses' sessions that start in the project's fiscal year, as the training summary counts them.</summary>
    private async Task<Dictionary<Guid, List<PdcaCourse>>> CoursesAsync(Guid areaId, List<PlanProject> projects, ILookup<Guid, Guid> links, CancellationToken ct)
    {
        var result = new Dictionary<Guid, List<PdcaCourse>>();
        var courseIds = links.SelectMany(l => l).Distinct().ToList();
        if (courseIds.Count == 0) return result;
        foreach (var year in projects.Where(p => links[p.Id].Any()).Select(p => p.FiscalYear).Distinct())
        {
            var (from, to) = (SchoolCalendar.FiscalYearStart(year), SchoolCalendar.FiscalYearEnd(year));
            var courseOf = await db.TrainingSessions.AsNoTracking().Where(s => courseIds.Contains(s.CourseId) && s.StartDate >= from && s.StartDate <= to)
                .ToDictionaryAsync(s => s.Id, s => s.CourseId, ct);
            if (courseOf.Count == 0) continue;
            var lines = (await TrainingApi.SummaryLinesAsync(db, areaId, year, ct)).Where(l => courseOf.ContainsKey(l.SessionId)).ToList();
            foreach (var p in projects.Where(p => p.FiscalYear == year))
            {
                var own = links[p.Id].ToHashSet();
                result[p.Id] = [.. lines.Where(l => own.Contains(courseOf[l.SessionId])).OrderBy(l => l.Row.StartDate)
                    .Select(l => new PdcaCourse(l.Row.Course, l.Row.Session, l.Row.StartDate, l.Row.EndDate, l.Row.Method, l.Row.Enrolled, l.Row.Passed, l.Row.PassedPercent))];
            }
        }
        return result;
    }
}
