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
    /// <summary>
    /// The metric for each of several fiscal years (a plan's years up to now), every year in the answer; each metric counts
    /// them together (one statement for all years where it can), so a plan page's statements do not grow with its years.
    /// </summary>
    Task<IReadOnlyDictionary<int, decimal?>> ComputeYearsAsync(MetricReadings readings, Guid areaId, IReadOnlyList<int> fiscalYears, Guid? projectId,
        CancellationToken ct);

    /// <summary>The metric for one fiscal year.</summary>
    async Task<decimal?> ComputeAsync(MetricReadings readings, Guid areaId, int fiscalYear, Guid? projectId, CancellationToken ct) =>
        (await ComputeYearsAsync(readings, areaId, [fiscalYear], projectId, ct))[fiscalYear];
}

/// <summary>Helpers for metrics that count every year of a plan at once.</summary>
internal static class MetricYears
{
    /// <summary>From the first day of the first fiscal year to the last day of the last.</summary>
    public static (DateOnly From, DateOnly To) Span(IReadOnlyList<int> fiscalYears) =>
        (Shared.Thai.SchoolCalendar.FiscalYearStart(fiscalYears.Min()), Shared.Thai.SchoolCalendar.FiscalYearEnd(fiscalYears.Max()));

    /// <summary>Each year's value from figures counted by date (a date's fiscal year taking them), every year present.</summary>
    public static IReadOnlyDictionary<int, decimal?> ByYear<T>(IReadOnlyList<int> fiscalYears, IEnumerable<(DateOnly Date, T Figure)> byDate,
        Func<IReadOnlyList<T>, decimal?> value)
    {
        var years = byDate.ToLookup(x => Shared.Thai.SchoolCalendar.FiscalYearOf(x.Date), x => x.Figure);
        return fiscalYears.ToDictionary(y => y, y => value([.. years[y]]));
    }
}

/// <summary>
/// What the metrics of one plan view read, shared among them: two metrics reading the same thing for the same area and
/// years (the hours ledger behind "hours met" and "developed", the ID Plan counts behind "submitted" and "approved") read
/// it once. Made for one view and dropped with it, so a reading is never older than the view.
/// </summary>
public sealed class MetricReadings(AppDbContext db)
{
    private readonly Dictionary<string, object> read = [];

    public AppDbContext Db => db;

    /// <summary>The reading named <paramref name="key"/> (what, for which area and years), read by <paramref name="reading"/> the first time only.</summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> reading) where T : notnull
    {
        if (read.TryGetValue(key, out var found)) return (T)found;
        var value = await reading();
        read[key] = value;
        return value;
    }

    /// <summary>A key for a reading of the area's years.</summary>
    public static string Key(string kind, Guid areaId, IReadOnlyList<int> fiscalYears) => $"{kind} {areaId} {string.Join(',', fiscalYears)}";
}

/// <summary>The live metrics registered in DI (one class each, one line in FeatureExtensions), found by key.</summary>
public sealed class KpiMetrics(IEnumerable<IKpiMetric> metrics)
{
    public IReadOnlyList<IKpiMetric> All { get; } = [.. metrics.OrderBy(m => m.Name, Shared.Thai.ThaiText.Comparer)];

    public IKpiMetric? Find(string? key) => All.FirstOrDefault(m => m.Key == key);
}
