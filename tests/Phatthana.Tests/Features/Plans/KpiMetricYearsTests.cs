using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Plans;
using Phatthana.Web.Features.Setup;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Features.Plans;

/// <summary>
/// A plan page counts each bound KPI's years together (<see cref="IKpiMetric.ComputeYearsAsync"/>, one statement for all
/// years where the metric can), sharing out by fiscal year what it read for the whole span. On the demo area — training,
/// TEPE completions, PLC sessions and ID Plans over more than one year — every metric's years counted together equal the
/// same years counted one at a time, for every project: no figure lands in the wrong year.
/// </summary>
public sealed class KpiMetricYearsTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_metric_counts_its_years_together_as_it_counts_them_one_by_one(DatabaseProvider provider)
    {
        await using var host = await AppHost.StartAsync(provider, seedDemo: true, name: "demo-metric-years");
        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var metrics = scope.ServiceProvider.GetRequiredService<KpiMetrics>();
        var area = await db.Areas.SingleAsync(a => a.Code == DemoSeeder.AreaCode);
        var now = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(TimeProvider.System));
        List<int> years = [now - 2, now - 1, now];
        var projects = await db.PlanProjects.Select(p => (Guid?)p.Id).ToListAsync();
        Assert.NotEmpty(projects);

        var measured = 0;
        foreach (var metric in metrics.All)
        foreach (var project in metric.NeedsProject ? projects : [null])
        {
            var together = await metric.ComputeYearsAsync(new MetricReadings(db), area.Id, years, project, CancellationToken.None);
            Assert.Equal(years, together.Keys.Order());
            foreach (var year in years)
            {
                var alone = await metric.ComputeAsync(new MetricReadings(db), area.Id, year, project, CancellationToken.None);
                Assert.True(alone == together[year], $"{metric.Key} {project} {year}: alone {alone}, together {together[year]}");
                if (alone is > 0) measured++;
            }
        }
        // Not a comparison of empty figures: the demo's data give most metrics a value in some year.
        Assert.True(measured >= metrics.All.Count, $"only {measured} figures above zero");
    }
}
