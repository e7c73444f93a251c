using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
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
/// on a plain ADO.NET connection with the same parameters (value and type) and every row read, nothing built — and checked to
/// read as many rows as the app's did, statement by statement. app ÷ raw is what EF, the scope filters and the app's own
/// code in memory cost on top of the database.
/// </summary>
public static class ScaleScenarios
{
    private sealed record Scenario(string Name, string Title, int Runs, double? TargetMs, Func<AppDbContext, Task<int>> Run);

    public static async Task<List<ScenarioFigures>> RunAsync(DatabaseProvider provider, string cs, bool quick)
    {
        var recorder = new StatementRecorder();
        using var host = AppServices.Build(provider, cs, configure: recorder.AddTo);
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
            // What any request pays before its own work: a scope, a context, a connection from the pool, one query.
            new("one-query", "one trivial query (count of areas): the fixed cost", runs * 3, null, db => db.Areas.CountAsync()),
            new("manpower-all", $"manpower summary, every area ({areas})", quick ? 3 : 7, 2_000, async db =>
                (await ManpowerCalculation.ComputeAsync(db, null, academicYear, rules)).Schools.Count),
            new("manpower-area", $"manpower of one area ({area.Code})", runs, null, async db =>
                (await ManpowerCalculation.ForAreaAsync(db, area, null)).Value!.Schools.Count),
            new("training-summary", $"training summary, fiscal year {fiscalYear}", runs, null, async db =>
                (await TrainingApi.SummaryAsync(db, area.Id, fiscalYear)).Count),
            new("training-dashboard", $"development dashboard, fiscal year {fiscalYear}", runs, null, async db =>
                (await DevelopmentDashboard.BuildAsync(db, area.Id, fiscalYear)).Schools.Count),
            // The page also draws a chart of each breakdown (by school: one bar pair a school) as SVG.
            new("training-dashboard-charts", $"development dashboard with its charts, as the page draws them", runs, null, async db =>
            {
                var d = await DevelopmentDashboard.BuildAsync(db, area.Id, fiscalYear);
                return d.Parts.Where(p => DevelopmentDashboard.Charted(p.Rows)).Sum(p => Phatthana.Web.Shared.Reporting.ChartRenderer.Svg(p.Chart).Length > 0 ? 1 : 0);
            }),
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
            var mismatch = false;
            for (var i = 0; i < s.Runs + 2; i++)
            {
                var watch = Stopwatch.StartNew();
                var read = await ReplayAsync(provider, cs, statements);
                if (i >= 2) raw.Add(watch.Elapsed.TotalMilliseconds);
                // EF's count includes the last read that finds no row, when it reads to the end.
                if (i == 0 && (read.Count != statements.Count || read.Where((n, k) => n != statements[k].Rows && n != statements[k].Rows - 1).Any()))
                {
                    // Shown, not thrown: a long load should not be lost to it, and the table then says the ratio is not to be trusted.
                    Console.Error.WriteLine($"  {s.Name}: the raw replay read [{string.Join(", ", read)}] rows, the app [{string.Join(", ", statements.Select(x => x.Rows))}]");
                    mismatch = true;
                }
            }
            var f = new ScenarioFigures(s.Name, mismatch ? s.Title + " (**raw read other rows: ratio not valid**)" : s.Title, statements.Count, rows, s.Runs, Harness.Median(times), Percentile(times, 95), Harness.Median(raw), Percentile(raw, 95), s.TargetMs);
            Console.Error.WriteLine($"  {s.Name}: {rows:N0} rows, app {f.MedianMs:0.0} ms (p95 {f.P95Ms:0.0}), raw {f.RawMedianMs:0.0} ms ({statements.Count} statements), {f.Ratio:0.0}×");
            if (Environment.GetEnvironmentVariable("PHATTHANA_BENCH_SQL") == "1")
                foreach (var x in statements) Console.Error.WriteLine($"--- {s.Name} ({x.Rows} rows) ---\n{x.Sql}");
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

    /// <summary>The recorded statements again, on a plain connection from the pool, with the same parameters; every row read. Returns the rows read per statement.</summary>
    private static async Task<List<int>> ReplayAsync(DatabaseProvider provider, string cs, List<Statement> statements)
    {
        await using DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(cs) : new SqliteConnection(cs);
        await connection.OpenAsync();
        var counts = new List<int>(statements.Count);
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            foreach (var p in statement.Parameters) command.Parameters.Add(p.Create(command));
            await using var reader = await command.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            var n = 0;
            while (await reader.ReadAsync())
            {
                reader.GetValues(values);
                n++;
            }
            counts.Add(n);
        }
        return counts;
    }

    /// <summary>A parameter as EF set it: name, value and its types (ADO.NET's and the provider's own), to be made again on another command.</summary>
    private sealed record Parameter(string Name, object? Value, System.Data.DbType DbType, SqliteType? Sqlite, NpgsqlTypes.NpgsqlDbType? Npgsql, string? DataTypeName)
    {
        public static Parameter Of(DbParameter p) => p switch
        {
            SqliteParameter s => new(p.ParameterName, p.Value, p.DbType, s.SqliteType, null, null),
            NpgsqlParameter n => new(p.ParameterName, p.Value, p.DbType, null, n.NpgsqlDbType, n.DataTypeName),
            _ => new(p.ParameterName, p.Value, p.DbType, null, null, null),
        };

        public DbParameter Create(DbCommand command)
        {
            var p = command.CreateParameter();
            p.ParameterName = Name;
            p.DbType = DbType;
            if (p is SqliteParameter s && Sqlite is { } st) s.SqliteType = st;
            if (p is NpgsqlParameter n && Npgsql is { } nt) n.NpgsqlDbType = nt;
            p.Value = Value ?? DBNull.Value;
            return p;
        }
    }

    private sealed record Statement(string Sql, List<Parameter> Parameters)
    {
        public int Rows { get; set; }
    }

    /// <summary>While <see cref="Recorded"/> is set: each reader command EF sends, with its parameters and the rows EF read from it.</summary>
    private sealed class StatementRecorder : DbCommandInterceptor
    {
        private readonly Dictionary<DbCommand, Statement> _open = [];
        public List<Statement>? Recorded { get; set; }

        public void AddTo(IServiceCollection services)
        {
            services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(this));
            services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(this));
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            if (Recorded is { } list)
            {
                var statement = new Statement(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(Parameter.Of)]);
                list.Add(statement);
                lock (_open) _open[command] = statement;
            }
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            Closed(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            Closed(command, eventData);
            return ValueTask.FromResult(result);
        }

        private void Closed(DbCommand command, DataReaderClosingEventData eventData)
        {
            lock (_open)
                if (_open.Remove(command, out var statement)) statement.Rows = eventData.ReadCount;
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
