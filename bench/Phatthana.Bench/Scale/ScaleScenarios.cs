using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Phatthana.Bench.Personnel;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Personnel.People;
using Phatthana.Web.Features.Training;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Bench.Scale;

public sealed record ScenarioFigures(string Name, string Title, int Statements, int Rows, int Runs, double MedianMs, double P95Ms, double RawMedianMs, double RawP95Ms, double? TargetMs)
{
    public double Ratio => MedianMs / RawMedianMs;
}

/// <summary>
/// The app's work behind the dashboards and lists, in-process on the loaded database, each run in a fresh DI scope as one
/// request (as the system, so every area is seen): the manpower summary of the country and of one area, the training
/// summary, the development dashboard, ID Plan progress, the person list and a name search. Beside each, <b>the same work
/// done by the raw database</b>: the statements the app sent in one run (recorded by <see cref="SqlRecorder"/>), sent again
/// on a plain ADO.NET connection with the same parameters and every row read, nothing built. app ÷ raw is what EF, the
/// scope filters and the app's own code in memory cost on top of the database.
/// </summary>
public static class ScaleScenarios
{
    private sealed record Scenario(string Name, string Title, int Runs, double? TargetMs, Func<AppDbContext, Task<int>> Run);

    public static async Task<List<ScenarioFigures>> RunAsync(DatabaseProvider provider, string cs, bool quick)
    {
        var recorder = new SqlRecorder();
        using var host = AppServices.Build(provider, cs, recorder);
        var today = ThaiDate.TodayInThailand(TimeProvider.System);
        var fiscalYear = SchoolCalendar.FiscalYearOf(today) - 1;
        Phatthana.Web.Features.Organisation.Area area;
        int academicYear;
        StaffingRuleSet rules;
        await using (var scope = host.SystemScope(out var db))
        {
            area = await db.Areas.AsNoTracking().SingleAsync(a => a.Code == ScaleData.AreaCode(0));
            academicYear = (await ManpowerCalculation.YearAsync(db, area, null)).Value;
            rules = (await ManpowerCalculation.RuleSetForAsync(db, academicYear))!;
        }
        var areas = await CountAsync(host);
        var runs = quick ? 5 : 15;
        const string name = "สมชาย";
        Scenario[] scenarios =
        [
            new("manpower-all", $"manpower summary, every area ({areas})", quick ? 3 : 7, 2_000, async db =>
                (await ManpowerCalculation.ComputeAsync(db, null, academicYear, rules)).Schools.Count),
            new("manpower-area", $"manpower of one area ({area.Code})", runs, null, async db =>
                (await ManpowerCalculation.ForAreaAsync(db, area, null)).Value!.Schools.Count),
            new("training-summary", $"training summary, fiscal year {fiscalYear}", runs, null, async db =>
                (await TrainingApi.SummaryAsync(db, area.Id, fiscalYear)).Count),
            new("training-dashboard", $"development dashboard, fiscal year {fiscalYear}", runs, null, async db =>
                (await DevelopmentDashboard.BuildAsync(db, area.Id, fiscalYear)).Schools.Count),
            new("id-plan-progress", $"ID Plan progress by school, fiscal year {fiscalYear}", runs, null, async db =>
                (await IdPlanProgress.BySchoolAsync(db, area.Id, fiscalYear, null)).Schools.Count),
            new("person-list", "person list, first page (default sort)", runs, null, db => PeoplePageAsync(db, area.Id, null)),
            new("person-search", $"person search, first page (q={name})", runs, null, db => PeoplePageAsync(db, area.Id, name)),
        ];

        var results = new List<ScenarioFigures>();
        foreach (var s in scenarios)
        {
            // Warm-up (JIT, EF's query cache, the database's caches), then the statements of one run, recorded.
            for (var i = 0; i < 2; i++) await InScopeAsync(host, s.Run);
            recorder.Recorded = [];
            var rows = await InScopeAsync(host, s.Run);
            var statements = recorder.Recorded;
            recorder.Recorded = null;
            var times = new List<double>();
            for (var i = 0; i < s.Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await InScopeAsync(host, s.Run);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var raw = new List<double>();
            for (var i = 0; i < s.Runs + 2; i++)
            {
                var watch = Stopwatch.StartNew();
                await ReplayAsync(provider, cs, statements);
                if (i >= 2) raw.Add(watch.Elapsed.TotalMilliseconds);
            }
            var f = new ScenarioFigures(s.Name, s.Title, statements.Count, rows, s.Runs, Harness.Median(times), Percentile(times, 95), Harness.Median(raw), Percentile(raw, 95), s.TargetMs);
            Console.Error.WriteLine($"  {s.Name}: {rows:N0} rows, app {f.MedianMs:0.0} ms (p95 {f.P95Ms:0.0}), raw {f.RawMedianMs:0.0} ms ({statements.Count} statements), {f.Ratio:0.0}×");
            if (Environment.GetEnvironmentVariable("PHATTHANA_BENCH_SQL") == "1")
                foreach (var (sql, _) in statements) Console.Error.WriteLine($"--- {s.Name} ---\n{sql}");
            results.Add(f);
        }
        return results;
    }

    private static async Task<int> CountAsync(IHost host)
    {
        await using var scope = host.SystemScope(out var db);
        return await db.Areas.CountAsync();
    }

    private static async Task<int> InScopeAsync(IHost host, Func<AppDbContext, Task<int>> run)
    {
        await using var scope = host.SystemScope(out var db);
        return await run(db);
    }

    /// <summary>The person list page's query: the default sort, page 1 of 25, a count and the page.</summary>
    private static async Task<int> PeoplePageAsync(AppDbContext db, Guid areaId, string? q)
    {
        var list = new ListQuery { Q = q, Page = 1, Size = ListQuery.DefaultPageSize };
        return (await PersonRows.Sorts.Apply(PersonRows.Query(db, areaId, new PeopleFilter(), list.Search, true), list).ToPagedAsync(list)).Total;
    }

    /// <summary>The recorded statements again, on a plain connection from the pool, with the same parameter values; every row read.</summary>
    private static async Task ReplayAsync(DatabaseProvider provider, string cs, List<(string Sql, List<(string Name, object? Value)> Parameters)> statements)
    {
        await using DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(cs) : new SqliteConnection(cs);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (pname, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = pname;
                p.Value = value ?? DBNull.Value;
                command.Parameters.Add(p);
            }
            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            do
                while (await reader.ReadAsync()) reader.GetValues(values);
            while (await reader.NextResultAsync());
        }
    }

    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
