using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Phatthana.Bench.Personnel;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Organisation;

namespace Phatthana.Bench.Manpower;

/// <summary>
/// Runs of one measurement, in milliseconds: median, p95 (nearest rank), min and max of the wall-clock time; the median CPU
/// time of this process per run (less disturbed by other work on the machine than the wall clock; the server's CPU is
/// not in it); the median bytes allocated per run; with a <see cref="QueryClock"/>, the median time EF's queries were in flight.
/// </summary>
public sealed record Timing(int Runs, double MedianMs, double P95Ms, double MinMs, double MaxMs, double CpuMs, double AllocatedMb, double? QueriesMs)
{
    public override string ToString() =>
        $"median {MedianMs:0.0} ms, p95 {P95Ms:0.0} ms ({MinMs:0.0}–{MaxMs:0.0}, {Runs} runs), CPU {CpuMs:0.0} ms, allocated {AllocatedMb:0.0} MB" +
        (QueriesMs is { } q ? $", queries {q:0.0} ms" : "");
}

/// <summary>One statement EF sent, the tables it read and how (from EXPLAIN ANALYZE), and its time inside the server.</summary>
public sealed record PlanNote(string Scenario, string Statement, string Scans, double ExecutionMs);

public sealed record CaseFigures(string Name, int Schools, int Missing, ManpowerSummary Summary, Timing App, Timing Raw, Timing? Raw3, Timing Criteria);

public sealed record MeasureFigures(string Provider, CaseFigures National, CaseFigures Area, Timing? Http, int HttpBytes, List<PlanNote> Plans, double PeakMb,
    Timing? Rebalancing = null, int Moves = 0, int ShortPosts = 0);

/// <summary>
/// The manpower analysis on the national database: <see cref="ManpowerCalculation.ComputeAsync"/> for every area (no area
/// id, as the system) and <see cref="ManpowerCalculation.ForAreaAsync"/> for the 200-school area, each run in a DI scope of
/// its own as a request would be; beside them the same statements by hand (<see cref="RawManpower"/>), the criteria alone,
/// the plans PostgreSQL chose, and the pinned endpoint through the app on loopback.
/// </summary>
public static class ManpowerScenario
{
    public const int NationalWarmUps = 2, NationalRuns = 15, AreaWarmUps = 5, AreaRuns = 51;

    public static async Task<MeasureFigures> RunAsync(string connectionString, bool http)
    {
        var recorder = new SqlRecorder();
        var clock = new QueryClock();
        using var host = AppServices.Build(DatabaseProvider.Postgres, connectionString, recorder, clock.AddTo);
        Area area;
        StaffingRuleSet rules;
        int year;
        await using (var scope = host.SystemScope(out var db))
        {
            area = await db.Areas.AsNoTracking().SingleAsync(a => a.Code == NationalData.MeasuredAreaCode);
            year = (await ManpowerCalculation.YearsAsync(db, area.Id))[0];
            rules = (await ManpowerCalculation.RuleSetForAsync(db, year))!;
        }

        var plans = new List<PlanNote>();

        // (a) every area, as the system sees them.
        Console.Error.WriteLine("national (all areas): ComputeAsync");
        async Task<ManpowerResult> National()
        {
            await using var scope = host.SystemScope(out var db);
            return await ManpowerCalculation.ComputeAsync(db, null, year, rules);
        }
        var nationalResult = await National();
        plans.AddRange(await ExplainAsync(recorder, connectionString, "national", ["schools", "student counts", "posts by school"], National));
        var nationalApp = await TimeAsync(NationalWarmUps, NationalRuns, National, clock);
        Console.Error.WriteLine($"  app: {nationalApp}");
        var nationalRaw = await TimeAsync(NationalWarmUps, NationalRuns, () => RawManpower.QueriesAsync(connectionString, null, year));
        Console.Error.WriteLine($"  raw SQL: {nationalRaw}");
        var nationalData = await RawManpower.QueriesAsync(connectionString, null, year);
        var nationalCriteria = await TimeAsync(NationalWarmUps, NationalRuns, () => Task.FromResult(RawManpower.Apply(nationalData, rules.Criteria)));
        Console.Error.WriteLine($"  criteria in memory: {nationalCriteria}");
        var national = Check("national", nationalResult, RawManpower.Apply(nationalData, rules.Criteria), nationalApp, nationalRaw, null, nationalCriteria);

        // (b) one area of 200 schools, as the area's page and API ask for it (the latest year with counts).
        Console.Error.WriteLine($"area {area.Code} ({NationalData.MeasuredAreaSchools} schools): ForAreaAsync");
        async Task<ManpowerResult> OneArea()
        {
            await using var scope = host.SystemScope(out var db);
            var outcome = await ManpowerCalculation.ForAreaAsync(db, area, null);
            return outcome.Value ?? throw new InvalidOperationException("the area has no analysis");
        }
        var areaResult = await OneArea();
        plans.AddRange(await ExplainAsync(recorder, connectionString, "area",
            ["years with counts", "rule set in force", "schools", "student counts", "posts by school"], OneArea));
        var areaApp = await TimeAsync(AreaWarmUps, AreaRuns, OneArea, clock);
        Console.Error.WriteLine($"  app: {areaApp}");
        var areaRaw = await TimeAsync(AreaWarmUps, AreaRuns, () => RawManpower.ForAreaAsync(connectionString, area.Id));
        Console.Error.WriteLine($"  raw SQL (5 statements): {areaRaw}");
        var areaRaw3 = await TimeAsync(AreaWarmUps, AreaRuns, () => RawManpower.QueriesAsync(connectionString, area.Id, year));
        Console.Error.WriteLine($"  raw SQL (the 3 bulk queries): {areaRaw3}");
        var areaData = await RawManpower.QueriesAsync(connectionString, area.Id, year);
        var areaCriteria = await TimeAsync(AreaWarmUps, AreaRuns, () => Task.FromResult(RawManpower.Apply(areaData, rules.Criteria)));
        Console.Error.WriteLine($"  criteria in memory: {areaCriteria}");
        var oneArea = Check("area", areaResult, RawManpower.Apply(areaData, rules.Criteria), areaApp, areaRaw, areaRaw3, areaCriteria);

        // (e) the rebalancing suggestions of that area: the analysis, the area's posts and needs, the greedy moves.
        Console.Error.WriteLine($"area {area.Code}: rebalancing suggestions");
        async Task<RebalancingPlan> Rebalance()
        {
            await using var scope = host.SystemScope(out var db);
            var outcome = await RebalancingPlan.ForAreaAsync(db, area, null);
            return outcome.Value ?? throw new InvalidOperationException("the area has no plan");
        }
        var plan = await Rebalance();
        var rebalancing = await TimeAsync(AreaWarmUps, AreaRuns, Rebalance, clock);
        Console.Error.WriteLine($"  {plan.Covered:N0} moves for {plan.ShortPosts:N0} posts short: {rebalancing}");

        // (d) the pinned endpoint, through the app on loopback.
        (Timing Timing, int Bytes)? web = http ? await ManpowerHttp.RunAsync(connectionString, area.Code, AreaWarmUps, AreaRuns) : null;
        return new MeasureFigures("postgres", national, oneArea, web?.Timing, web?.Bytes ?? 0, plans, Harness.PeakMegabytes(),
            rebalancing, plan.Covered, plan.ShortPosts);
    }

    /// <summary>The app's answer must be the one the hand-written queries and the criteria give.</summary>
    private static CaseFigures Check(string name, ManpowerResult app, (ManpowerSummary Summary, int Missing) raw, Timing appTime, Timing rawTime, Timing? raw3, Timing criteria)
    {
        if (app.Summary != raw.Summary || app.MissingCounts.Count != raw.Missing)
            throw new InvalidOperationException($"{name}: the app's summary {app.Summary} (missing {app.MissingCounts.Count}) is not the raw {raw.Summary} (missing {raw.Missing})");
        var s = app.Summary;
        Console.Error.WriteLine($"  {s.Schools:N0} schools with counts ({app.MissingCounts.Count} without): short {s.ShortageSchools:N0} schools / {s.ShortagePosts:N0} posts, " +
                                $"over {s.SurplusSchools:N0} / {s.SurplusPosts:N0}, exact {s.ExactSchools:N0}; required {s.RequiredPosts:N0}, actual {s.ActualPosts:N0}, net {s.NetSurplus:N0} ({s.NetSurplusPercent} %)");
        return new CaseFigures(name, s.Schools + app.MissingCounts.Count, app.MissingCounts.Count, s, appTime, rawTime, raw3, criteria);
    }

    public static async Task<Timing> TimeAsync<T>(int warmUps, int runs, Func<Task<T>> run, QueryClock? clock = null)
    {
        for (var i = 0; i < warmUps; i++) await run();
        List<double> times = [], cpu = [], allocated = [], queries = [];
        for (var i = 0; i < runs; i++)
        {
            clock?.Reset();
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Harness.CpuTime();
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add((Harness.CpuTime() - cpuBefore).TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - bytesBefore) / 1048576.0);
            if (clock is not null) queries.Add(clock.Total.TotalMilliseconds);
        }
        var sorted = times.Order().ToList();
        return new Timing(runs, Harness.Median(times), sorted[(int)Math.Ceiling(0.95 * runs) - 1], sorted[0], sorted[^1], Harness.Median(cpu), Harness.Median(allocated),
            clock is null ? null : Harness.Median(queries));
    }

    private static readonly Regex Scan = new(@"(Parallel )?(Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan)( Backward)?( using (?<index>\S+))? on (?<table>\S+)", RegexOptions.Compiled);

    /// <summary>
    /// Records the statements EF sends for one run and has PostgreSQL EXPLAIN (ANALYZE, BUFFERS) each: the scans go into the
    /// figures, the whole plans to the console with PHATTHANA_BENCH_SQL=1.
    /// </summary>
    private static async Task<List<PlanNote>> ExplainAsync<T>(SqlRecorder recorder, string cs, string scenario, string[] labels, Func<Task<T>> run)
    {
        recorder.Recorded = [];
        await run();
        var statements = recorder.Recorded;
        recorder.Recorded = null;
        var verbose = Environment.GetEnvironmentVariable("PHATTHANA_BENCH_SQL") == "1";
        var notes = new List<PlanNote>();
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        for (var i = 0; i < statements.Count; i++)
        {
            var (sql, parameters) = statements[i];
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection) { CommandTimeout = 120 };
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name.TrimStart('@'), value ?? DBNull.Value);
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
            var label = statements.Count == labels.Length ? labels[i] : $"statement {i + 1}";
            if (verbose)
                Console.Error.WriteLine($"--- {scenario}: {label} ---\n{sql}\n  parameters: {string.Join(", ", parameters.Select(p => $"{p.Name}={Show(p.Value)}"))}\n  " + string.Join("\n  ", lines));
            var scans = lines.Select(l => Scan.Match(l)).Where(m => m.Success)
                .Select(m => $"{m.Groups[1].Value}{m.Groups[2].Value}{m.Groups[3].Value} on {m.Groups["table"].Value.Trim('"')}" +
                             (m.Groups["index"].Success ? $" ({m.Groups["index"].Value.Trim('"')})" : ""))
                .Distinct().ToList();
            var time = lines.Select(l => Regex.Match(l, @"Execution Time: ([\d.]+) ms")).Where(m => m.Success)
                .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            var note = new PlanNote(scenario, label, string.Join("; ", scans), time);
            Console.Error.WriteLine($"  plan {scenario} / {label}: {note.Scans} — {time:0.0} ms in the server");
            notes.Add(note);
        }
        return notes;
    }

    private static string Show(object? value) => value is Array a ? "[" + string.Join(",", a.Cast<object>()) + "]" : value?.ToString() ?? "null";
}
