using System.Text.Json.Serialization;

namespace Phatthana.Web.Features.Plans;

public sealed record QuarterTarget(int Quarter, decimal Percent, string EndMonth);

public sealed record MonthTarget(string Month, decimal Percent);

/// <summary>An area's disbursement target curve of a fiscal year: its own, or the default when it has set none.</summary>
public sealed record CurveDto(int FiscalYear, bool IsDefault, IReadOnlyList<QuarterTarget> Quarters, IReadOnlyList<MonthTarget> Months)
{
    public static CurveDto Of(int fiscalYear, IReadOnlyList<decimal>? own)
    {
        var curve = own ?? BudgetRules.DefaultCurve;
        var months = BudgetRules.Months(fiscalYear);
        var monthly = BudgetRules.MonthlyTargets(curve);
        return new(fiscalYear, own is null, [.. curve.Select((p, i) => new QuarterTarget(i + 1, p, BudgetRules.Key(months[i * 3 + 2])))],
            [.. months.Select((m, i) => new MonthTarget(BudgetRules.Key(m), monthly[i]))]);
    }
}

/// <summary>Allocated, committed (ก่อหนี้ผูกพันที่ยังไม่เบิก) and disbursed money; what is left is the allocation less both.</summary>
public record BudgetAmounts(decimal Allocated, decimal Committed, decimal Disbursed)
{
    public decimal Remaining => Allocated - Committed - Disbursed;
    public decimal? DisbursedPercent => BudgetRules.Percent(Disbursed, Allocated);
    /// <summary>How much committed and disbursed together exceed the allocation (0 when within it).</summary>
    public decimal OverBy => Math.Max(0, Committed + Disbursed - Allocated);
}

public sealed record CategoryBudget(BudgetCategory Category, decimal Allocated, decimal Committed, decimal Disbursed) : BudgetAmounts(Allocated, Committed, Disbursed);

/// <summary>A month: committed and disbursed in it, the disbursed so far and its share of the allocation against the curve's.</summary>
public sealed record MonthBudget(string Month, decimal Committed, decimal Disbursed, decimal CumulativeDisbursed, decimal? CumulativePercent, decimal TargetPercent)
{
    [JsonIgnore] public DateOnly Start { get; init; }
    public bool? Reached => CumulativePercent is { } p ? p >= TargetPercent : null;
}

public sealed record ProjectBudget(Guid Id, string Name, Guid PlanId, string Plan, Guid StrategyId, int Strategy, ProjectStatus Status,
    decimal Allocated, decimal Committed, decimal Disbursed, decimal? JudgedPercent, bool BehindCurve, IReadOnlyList<BudgetCategory> OverAllocated)
    : BudgetAmounts(Allocated, Committed, Disbursed);

/// <summary>What the follow-up reads: a project with its allocation per category, and its money rows.</summary>
public sealed record BudgetProject(Guid Id, string Name, Guid PlanId, string Plan, Guid StrategyId, int Strategy, ProjectStatus Status,
    IReadOnlyDictionary<BudgetCategory, decimal> Budget);

public sealed record BudgetEntry(Guid ProjectId, BudgetCategory Category, DateOnly Month, decimal Committed, decimal Disbursed);

/// <summary>
/// The budget follow-up of a set of projects in one fiscal year (an area's, a plan's, one project's), pure: per category and
/// per project allocated, committed, disbursed, remaining and % disbursed; per month the disbursed so far as a share of the
/// allocation against the curve. A year under way is judged at its last month ended (<see cref="BudgetRules.JudgedMonth"/>):
/// a project (not cancelled, with a budget) is behind the curve when what it had disbursed by the end of that month is a
/// smaller share of its allocation than the curve's target for it. A category whose committed and disbursed exceed its
/// allocation is flagged (saving refuses it, but a budget lowered by an import or a race would still show).
/// </summary>
public sealed record BudgetFollowUp(int FiscalYear, CurveDto Curve, string? JudgedMonth, decimal? JudgedTarget, BudgetAmounts Total,
    IReadOnlyList<CategoryBudget> Categories, IReadOnlyList<MonthBudget> Months, IReadOnlyList<ProjectBudget> Projects)
{
    /// <summary>How many of the year's months have begun by today (0 before the year, 12 once it is over): the months with an actual to show.</summary>
    public int MonthsBegun { get; init; }
    public int ProjectsBehind => Projects.Count(p => p.BehindCurve);
    public int ProjectsOverAllocated => Projects.Count(p => p.OverAllocated.Count > 0);
    public decimal? JudgedPercent => JudgedMonth is null ? null : Months.First(m => m.Month == JudgedMonth).CumulativePercent;

    public static BudgetFollowUp Of(int fiscalYear, IReadOnlyList<BudgetProject> projects, IReadOnlyList<BudgetEntry> entries, CurveDto curve, DateOnly today)
    {
        var months = BudgetRules.Months(fiscalYear);
        var judged = BudgetRules.JudgedMonth(fiscalYear, today);
        var judgedTarget = judged >= 0 ? curve.Months[judged].Percent : (decimal?)null;
        var byProject = entries.ToLookup(e => e.ProjectId);
        var categories = Enum.GetValues<BudgetCategory>().Select(c => new CategoryBudget(c, projects.Sum(p => p.Budget.GetValueOrDefault(c)),
            entries.Where(e => e.Category == c).Sum(e => e.Committed), entries.Where(e => e.Category == c).Sum(e => e.Disbursed))).ToList();
        var allocated = categories.Sum(c => c.Allocated);
        var total = new BudgetAmounts(allocated, categories.Sum(c => c.Committed), categories.Sum(c => c.Disbursed));

        var lines = projects.Select(p =>
        {
            var own = byProject[p.Id].ToList();
            var budget = p.Budget.Values.Sum();
            var judgedPercent = judged >= 0 ? BudgetRules.Percent(own.Where(e => e.Month <= months[judged]).Sum(e => e.Disbursed), budget) : null;
            var over = Enum.GetValues<BudgetCategory>()
                .Where(c => own.Where(e => e.Category == c).Sum(e => e.Committed + e.Disbursed) > p.Budget.GetValueOrDefault(c)).ToList();
            var behind = p.Status != ProjectStatus.Cancelled && judgedPercent is { } jp && jp < judgedTarget;
            return new ProjectBudget(p.Id, p.Name, p.PlanId, p.Plan, p.StrategyId, p.Strategy, p.Status, budget, own.Sum(e => e.Committed), own.Sum(e => e.Disbursed),
                judgedPercent, behind, over);
        }).ToList();

        var cumulative = 0m;
        var monthLines = months.Select((m, i) =>
        {
            var inMonth = entries.Where(e => e.Month == m).ToList();
            cumulative += inMonth.Sum(e => e.Disbursed);
            return new MonthBudget(BudgetRules.Key(m), inMonth.Sum(e => e.Committed), inMonth.Sum(e => e.Disbursed), cumulative,
                BudgetRules.Percent(cumulative, allocated), curve.Months[i].Percent) { Start = m };
        }).ToList();
        return new BudgetFollowUp(fiscalYear, curve, judged >= 0 ? BudgetRules.Key(months[judged]) : null, judgedTarget, total, categories, monthLines, lines)
        {
            MonthsBegun = months.Count(m => m <= today),
        };
    }
}
