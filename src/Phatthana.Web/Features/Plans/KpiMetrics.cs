using Phatthana.Web.Data;

namespace Phatthana.Web.Features.Plans;

/// <summary>
/// One of the system's live measures a KPI may be bound to: its key (stored on the KPI), Thai name, unit (a KPI is bound only
/// to a metric of its own unit), whether it needs the KPI's project (a project's courses), and how it is computed for a
/// fiscal year from the data as it is now.
/// </summary>
public interface IKpiMetric
{
    string Key { get; }
    string Name { get; }
    KpiUnit Unit { get; }
    bool NeedsProject { get; }
    Task<decimal?> ComputeAsync(AppDbContext db, Guid areaId, int fiscalYear, Guid? projectId, CancellationToken ct);
}

/// <summary>The live metrics registered in DI (one class each, one line in FeatureExtensions), found by key.</summary>
public sealed class KpiMetrics(IEnumerable<IKpiMetric> metrics)
{
    public IReadOnlyList<IKpiMetric> All { get; } = [.. metrics.OrderBy(m => m.Name, Shared.Thai.ThaiText.Comparer)];

    public IKpiMetric? Find(string? key) => All.FirstOrDefault(m => m.Key == key);
}
