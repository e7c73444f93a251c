using Phatthana.Web.Data;
using Phatthana.Web.Features.Development;

namespace Phatthana.Web.Features.Plans;

/// <summary>
/// ร้อยละของบุคลากรที่จัดทำแผนพัฒนาตนเอง — seed 004's "ID Plan 100 %" — counted as the ID Plan progress page counts it
/// (<see cref="IdPlanProgress.ForAreaAsync"/>: the area's active civil servants, a returned plan not handed in). Two readings
/// of the same counts: plans handed in (submitted or approved) and plans approved, so a plan can hold either target.
/// </summary>
public abstract class IdPlanMetric : IKpiMetric
{
    public abstract string Key { get; }
    public abstract string Name { get; }
    public KpiUnit Unit => KpiUnit.Percent;
    public bool NeedsProject => false;

    /// <summary>Every year at once, the counts shared by both readings (<see cref="MetricReadings"/>).</summary>
    public async Task<IReadOnlyDictionary<int, decimal?>> ComputeYearsAsync(MetricReadings readings, Guid areaId, IReadOnlyList<int> fiscalYears, Guid? projectId,
        CancellationToken ct)
    {
        var counts = await readings.GetAsync(MetricReadings.Key("id-plans", areaId, fiscalYears),
            () => IdPlanProgress.ForAreaYearsAsync(readings.Db, areaId, fiscalYears, ct));
        // Nobody to count is nothing to judge yet, as the other metrics say; PlanCounts itself would give 0 %.
        return fiscalYears.ToDictionary(y => y, y => counts[y].People == 0 ? null : (decimal?)Percent(counts[y]));
    }

    protected abstract decimal Percent(PlanCounts counts);
}

public sealed class IdPlansSubmittedMetric : IdPlanMetric
{
    public override string Key => "id-plans-submitted";
    public override string Name => "ร้อยละของบุคลากรที่จัดทำแผนพัฒนาตนเอง (ส่งแล้ว)";
    protected override decimal Percent(PlanCounts counts) => counts.SubmittedOrApprovedPercent;
}

public sealed class IdPlansApprovedMetric : IdPlanMetric
{
    public override string Key => "id-plans-approved";
    public override string Name => "ร้อยละของบุคลากรที่จัดทำแผนพัฒนาตนเอง (อนุมัติแล้ว)";
    protected override decimal Percent(PlanCounts counts) => counts.ApprovedPercent;
}
