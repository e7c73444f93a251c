using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Plans;

/// <summary>แผนระยะยาว (e.g. three years, seed 004) or แผนปฏิบัติการประจำปี (one fiscal year, seed 002).</summary>
public enum PlanKind { MultiYear, Annual }

/// <summary>What a KPI counts in.</summary>
public enum KpiUnit { Percent, Count, Baht }

/// <summary>Whether more is better (TEPE pass rate) or less (days to answer a request).</summary>
public enum KpiDirection { HigherIsBetter, LowerIsBetter }

/// <summary>งบประมาณ by the five categories of the Thai budget.</summary>
public enum BudgetCategory { Personnel, Operations, Investment, Subsidy, Other }

/// <summary>Where a project stands.</summary>
public enum ProjectStatus { Planned, InProgress, Completed, Cancelled }

/// <summary>
/// A development plan of an area: strategies → projects → KPIs with a target for each fiscal year the plan covers, and
/// the editable alignment tags (MOE / OBEC / the area's own strategies) its strategies and projects answer to.
/// </summary>
public sealed class DevelopmentPlan : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public required string Name { get; set; }
    public PlanKind Kind { get; set; }
    public int StartFiscalYear { get; set; }
    public int EndFiscalYear { get; set; }
    public string? Description { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Covers(int fiscalYear) => fiscalYear >= StartFiscalYear && fiscalYear <= EndFiscalYear;
}

/// <summary>ยุทธศาสตร์/กลยุทธ์ of a plan, numbered within it.</summary>
public sealed class PlanStrategy : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    /// <summary>Alignment tags, e.g. "ยุทธศาสตร์ สพฐ. ที่ 3", from the area's list.</summary>
    public List<string> Alignment { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>โครงการ/กิจกรรม under a strategy: objectives, who runs it, when, how, for whom, and its budget by category.</summary>
public sealed class PlanProject : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid PlanId { get; set; }
    public Guid StrategyId { get; set; }
    public required string Name { get; set; }
    public int FiscalYear { get; set; }
    public string? Objectives { get; set; }
    public string? Methods { get; set; }
    public string? TargetGroup { get; set; }
    public Guid? DivisionId { get; set; }
    public string? ResponsiblePerson { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public ProjectStatus Status { get; set; }
    public decimal BudgetPersonnel { get; set; }
    public decimal BudgetOperations { get; set; }
    public decimal BudgetInvestment { get; set; }
    public decimal BudgetSubsidy { get; set; }
    public decimal BudgetOther { get; set; }
    /// <summary>PDCA's C in words: what checking the results found (ผลการตรวจสอบ ปัญหาและอุปสรรค).</summary>
    public string? CheckNotes { get; set; }
    /// <summary>PDCA's A: what the office changes after checking the results.</summary>
    public string? ActNotes { get; set; }
    public List<string> Alignment { get; set; } = [];
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public decimal Budget(BudgetCategory c) => c switch
    {
        BudgetCategory.Personnel => BudgetPersonnel,
        BudgetCategory.Operations => BudgetOperations,
        BudgetCategory.Investment => BudgetInvestment,
        BudgetCategory.Subsidy => BudgetSubsidy,
        _ => BudgetOther,
    };

    public decimal TotalBudget => BudgetPersonnel + BudgetOperations + BudgetInvestment + BudgetSubsidy + BudgetOther;
}

/// <summary>An activity of a project with its planned dates and when it was done (on schedule or behind follows from these).</summary>
public sealed class ProjectActivity : IAreaOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid ProjectId { get; set; }
    public required string Name { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A course that implements a project (its pass rate is one of the metrics a KPI may be bound to).</summary>
public sealed class ProjectCourse : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid CourseId { get; set; }
}

/// <summary>
/// ตัวชี้วัด of a plan (of a strategy, or of one project), with a target per fiscal year. Its actual is entered per
/// six-month round, or — when <see cref="Metric"/> names one of the system's live metrics — computed from the data, so the
/// plan's progress updates itself.
/// </summary>
public sealed class Kpi : IAreaOwned, IVersioned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid PlanId { get; set; }
    public Guid? StrategyId { get; set; }
    public Guid? ProjectId { get; set; }
    public required string Name { get; set; }
    public KpiUnit Unit { get; set; }
    public KpiDirection Direction { get; set; }
    /// <summary>The live metric this KPI is bound to (<see cref="KpiMetrics"/>), or null when actuals are entered.</summary>
    public string? Metric { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class KpiTarget : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid KpiId { get; set; }
    public int FiscalYear { get; set; }
    public decimal Target { get; set; }
}

/// <summary>An actual entered for a six-month round (1: Oct–Mar, 2: Apr–Sep) of a fiscal year, with a note and its evidence.</summary>
public sealed class KpiActual : IAreaOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid KpiId { get; set; }
    public int FiscalYear { get; set; }
    public int Half { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }
    public string? Evidence { get; set; }
    public string? EnteredBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Money of one project, category and month: committed (ก่อหนี้ผูกพัน) and disbursed (เบิกจ่าย).</summary>
public sealed class Disbursement : IAreaOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public Guid ProjectId { get; set; }
    public BudgetCategory Category { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public decimal Committed { get; set; }
    public decimal Disbursed { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The share of the year's budget an area aims to have disbursed by the end of each quarter (the government's curve).</summary>
public sealed class DisbursementTarget : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    public int FiscalYear { get; set; }
    public int Quarter { get; set; }
    public decimal Percent { get; set; }
}

/// <summary>An alignment tag an area's strategies and projects may carry (MOE, OBEC or the area's own strategies).</summary>
public sealed class AlignmentTag : IAreaOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AreaId { get; set; }
    /// <summary>"กระทรวงศึกษาธิการ", "สพฐ.", "เขตพื้นที่".</summary>
    public required string Source { get; set; }
    public required string Name { get; set; }
}
