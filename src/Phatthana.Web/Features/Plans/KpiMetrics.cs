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
    Task<decimal?> ComputeAsync(MetricReadings readings, Guid areaId, int fiscalYear, Guid? projectId, CancellationToken ct);

    /// <summary>
    /// The metric for each of several fiscal years (a plan's years): by default one year after another; a metric that can
    /// count every year in one statement does so, so a plan page's statements do not grow with its years.
    /// </summary>
    async Task<IReadOnlyDictionary<int, decimal?>> ComputeYearsAsync(MetricReadings readings, Guid areaId, IReadOnlyList<int> fiscalYears, Guid? projectId,
        CancellationToken ct)
    {
        var values = new Dictionary<int, decimal?>();
        foreach (var year in fiscalYears) values[year] = await ComputeAsync(readings, areaId, year, projectId, ct);
        return values;
    }
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
/// year (the hours ledger behind "hours met" and "developed", the ID Plan counts behind "submitted" and "approved") read
/// it once. Made for one view and dropped with it, so a reading is never older than the view.
/// </summary>
public sealed class MetricReadings(AppDbContext db)
{
    private readonly Dictionary<(string Kind, Guid AreaId, int Year), object> read = [];

    public AppDbContext Db => db;

    /// <summary>The reading of <paramref name="kind"/> for the area and year, read by <paramref name="reading"/> the first time only.</summary>
    public async Task<T> GetAsync<T>(string kind, Guid areaId, int fiscalYear, Func<Task<T>> reading) where T : notnull
    {
        if (read.TryGetValue((kind, areaId, fiscalYear), out var found)) return (T)found;
        var value = await reading();
        read[(kind, areaId, fiscalYear)] = value;
        return value;
    }
}

/// <summary>The live metrics registered in DI (one class each, one line in FeatureExtensions), found by key.</summary>
public sealed class KpiMetrics(IEnumerable<IKpiMetric> metrics)
{
    public IReadOnlyList<IKpiMetric> All { get; } = [.. metrics.OrderBy(m => m.Name, Shared.Thai.ThaiText.Comparer)];

    public IKpiMetric? Find(string? key) => All.FirstOrDefault(m => m.Key == key);
}
