namespace Phatthana.Web.Features.Plans;

/// <summary>A KPI of a plan in one fiscal year: its target and what was achieved (<see cref="PlanView"/>'s figures).</summary>
public sealed record KpiProgress(PlanDto Plan, KpiDto Kpi, KpiYearDto Year)
{
    public int? StrategyNumber => Kpi.StrategyId is { } s ? Plan.Strategies.FirstOrDefault(x => x.Id == s)?.Number
        : Kpi.ProjectId is { } p && Plan.Projects.FirstOrDefault(x => x.Id == p) is { } project ? Plan.Strategies.FirstOrDefault(x => x.Id == project.StrategyId)?.Number : null;
}

/// <summary>A project of the fiscal year: done (completed), behind schedule, or neither yet.</summary>
public sealed record ProjectProgress(PlanDto Plan, ProjectSummaryDto Project)
{
    /// <summary>Behind schedule by <see cref="ProjectSchedule"/>.</summary>
    public bool Behind => Project.Behind;
    public bool Completed => Project.Status == ProjectStatus.Completed;
    public bool Cancelled => Project.Status == ProjectStatus.Cancelled;
    /// <summary>Seed 000's "เป็นไปตามระยะเวลาที่กำหนด": not behind and not cancelled.</summary>
    public bool OnSchedule => !Behind && !Cancelled;
    public int? StrategyNumber => Plan.Strategies.FirstOrDefault(s => s.Id == Project.StrategyId)?.Number;
}

/// <summary>
/// How a fiscal year of one or more plans stands, as seed 000 asks it ("ครบถ้วนตามโครงการ/กิจกรรม, เป็นไปตามระยะเวลาที่กำหนด")
/// and seed 004 follows its KPIs: the KPIs with a target or a result that year by their light, and the year's projects
/// completed, on schedule and behind. Pure: it reads the plans as <see cref="PlanView"/> built them.
/// </summary>
public sealed record YearProgress(int FiscalYear, IReadOnlyList<PlanDto> Plans, IReadOnlyList<KpiProgress> Kpis, IReadOnlyList<ProjectProgress> Projects)
{
    public int KpisMet => Kpis.Count(k => k.Year.Light == TrafficLight.Green);
    public int KpisClose => Kpis.Count(k => k.Year.Light == TrafficLight.Amber);
    public int KpisBehind => Kpis.Count(k => k.Year.Light == TrafficLight.Red);
    public int KpisWithoutResult => Kpis.Count(k => k.Year.Light == TrafficLight.None);
    public int ProjectsCompleted => Projects.Count(p => p.Completed);
    public int ProjectsOnSchedule => Projects.Count(p => p.OnSchedule);
    public int ProjectsBehind => Projects.Count(p => p.Behind);
    public int ProjectsCancelled => Projects.Count(p => p.Cancelled);
}

public static class PlanYearProgress
{
    public static YearProgress Of(IReadOnlyList<PlanDto> plans, int fiscalYear)
    {
        var kpis = plans.SelectMany(p => p.Kpis.Select(k => (Plan: p, Kpi: k, Year: k.Years.FirstOrDefault(y => y.FiscalYear == fiscalYear))))
            .Where(x => x.Year is { } y && (y.Target is not null || y.Actual is not null))
            .Select(x => new KpiProgress(x.Plan, x.Kpi, x.Year!)).ToList();
        var projects = plans.SelectMany(p => p.Projects.Where(x => x.FiscalYear == fiscalYear).Select(x => new ProjectProgress(p, x))).ToList();
        return new YearProgress(fiscalYear, plans, kpis, projects);
    }
}

/// <summary>How many KPIs of the year are met (green), close (amber), below (red), or have no result yet.</summary>
public sealed record LightCountsDto(int Met, int Close, int Below, int NoResult);

/// <summary>The year's projects: completed, on schedule (completed ones included), behind, cancelled (<see cref="ProjectSchedule"/>).</summary>
public sealed record ScheduleCountsDto(int Projects, int Completed, int OnSchedule, int Behind, int Cancelled);

/// <summary>
/// A plan's progress dashboard for one fiscal year: every KPI with target and actual of each plan year (light and achievement),
/// the year's lights counted, and the year's projects with whether each runs on schedule.
/// </summary>
public sealed record PlanProgressDto(Guid Id, string Name, int StartFiscalYear, int EndFiscalYear, int FiscalYear, LightCountsDto Lights, ScheduleCountsDto Schedule,
    IReadOnlyList<StrategyDto> Strategies, IReadOnlyList<KpiDto> Kpis, IReadOnlyList<ProjectSummaryDto> Projects)
{
    public static PlanProgressDto Of(PlanDto plan, int fiscalYear)
    {
        var y = PlanYearProgress.Of([plan], fiscalYear);
        return new PlanProgressDto(plan.Id, plan.Name, plan.StartFiscalYear, plan.EndFiscalYear, fiscalYear,
            new LightCountsDto(y.KpisMet, y.KpisClose, y.KpisBehind, y.KpisWithoutResult),
            new ScheduleCountsDto(y.Projects.Count, y.ProjectsCompleted, y.ProjectsOnSchedule, y.ProjectsBehind, y.ProjectsCancelled),
            plan.Strategies, plan.Kpis, [.. y.Projects.Select(p => p.Project)]);
    }
}
