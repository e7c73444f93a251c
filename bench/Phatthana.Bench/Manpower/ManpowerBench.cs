using System.Text;
using System.Text.Json;
using Phatthana.Bench.Personnel;
using Phatthana.Web.Data;

namespace Phatthana.Bench.Manpower;

/// <summary>
/// The manpower analysis at national scale (issue 6: 30,000 schools in under 2 s on PostgreSQL, one area of 200 schools in
/// under 50 ms, in bulk queries). The parent makes a database on the bench's PostgreSQL server, a child loads the national
/// set, another measures; the database is dropped at the end. Each child has a time limit.
/// </summary>
public static class ManpowerBench
{
    public const double NationalTargetMs = 2_000, AreaTargetMs = 50;
    public static readonly TimeSpan ChildLimit = TimeSpan.FromMinutes(20);

    /// <summary>The app runs with the server GC (the Web SDK's default); so do these children.</summary>
    private static readonly Dictionary<string, string> AsTheApp = new() { ["DOTNET_gcServer"] = "1" };

    /// <summary>
    /// <c>manpower</c> rewrites its docs section. Printed only: <c>manpower nohttp</c> skips the endpoint; <c>manpower data</c>
    /// describes the generated set without a database; <c>manpower keep</c> leaves the loaded database for
    /// <c>manpower measure &lt;database&gt;</c> (drop it by hand when done).
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["data"]) return Describe(NationalData.Generate());
        if (args is ["measure", var existing, .. var more])
        {
            var cs = new Npgsql.NpgsqlConnectionStringBuilder(BenchDatabase.Server) { Database = existing }.ConnectionString;
            Harness.RunChild(AsTheApp, null, "manpower-child", "measure", cs, more.Contains("http") ? "http" : "nohttp");
            return 0;
        }
        var http = !args.Contains("nohttp") && !args.Contains("keep");
        var keep = args.Contains("keep");
        var loadBefore = Harness.LoadAverage();
        var db = await BenchDatabase.CreateAsync(DatabaseProvider.Postgres, "manpower");
        LoadFigures load;
        MeasureFigures measure;
        try
        {
            Console.WriteLine($"load the national set into {db.Location}");
            load = JsonSerializer.Deserialize<LoadFigures>(Harness.RunChild(AsTheApp, null, "manpower-child", "load", db.ConnectionString))!;
            Console.WriteLine($"  {load.Schools:N0} schools, {load.CountRows:N0} count rows, {load.Posts:N0} posts: COPY {load.CopySeconds:0.0} s, VACUUM ANALYZE {load.VacuumSeconds:0.0} s, {load.DatabaseBytes / 1048576.0:N0} MB");
            Console.WriteLine("measure");
            measure = JsonSerializer.Deserialize<MeasureFigures>(Harness.RunChild(AsTheApp, null, "manpower-child", "measure", db.ConnectionString, http ? "http" : "nohttp"))!;
        }
        finally
        {
            if (keep) Console.WriteLine($"kept database {db.Location}");
            else await db.DropAsync();
        }
        var loadAfter = Harness.LoadAverage();
        Console.WriteLine($"national: {measure.National.App}; area: {measure.Area.App}" + (measure.Http is { } h ? $"; http: {h}" : ""));
        if (!http)
        {
            Console.WriteLine("(a subset ran: docs/benchmarks.md left as it is)");
            return 0;
        }
        Console.WriteLine($"wrote {Harness.WriteSection("manpower", Markdown(load, measure, loadBefore, loadAfter))}");
        return 0;
    }

    /// <summary>In a child process: load or measure, printed as one RESULT line of JSON; stopped if it outlives its limit.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        using var limit = new Timer(_ =>
        {
            Console.Error.WriteLine($"manpower-child {string.Join(' ', args.Take(1))}: over its time limit of {ChildLimit.TotalMinutes} min, stopping");
            Environment.Exit(3);
        }, null, ChildLimit, Timeout.InfiniteTimeSpan);
        object figures = args switch
        {
            ["load", var cs] => await NationalLoad.RunAsync(cs),
            ["measure", var cs, var http] => await ManpowerScenario.RunAsync(cs, http == "http"),
            _ => throw new ArgumentException("manpower-child load|measure …"),
        };
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(figures, figures.GetType()));
        return 0;
    }

    private static int Describe(NationalData data)
    {
        var schools = data.Areas.SelectMany(a => a.Schools).ToList();
        Console.WriteLine($"{data.Areas.Count} areas, {data.Schools:N0} schools ({data.SmallSchools:N0} with ≤ 120 students), {data.CountRows:N0} count rows " +
                          $"({data.CountRows / 2.0 / data.Schools:0.0} per school and year), {data.Posts:N0} posts ({data.Posts / (double)data.Schools:0.0} per school, {data.VacantPosts:N0} vacant)");
        foreach (var type in schools.GroupBy(s => s.Type))
            Console.WriteLine($"  {type.Key}: {type.Count():N0} schools, median {Harness.Median(type.Select(s => (double)NationalData.Students(s, NationalData.Year))):N0} students, " +
                              $"{type.Average(s => s.Posts.Count):0.0} posts each");
        return 0;
    }


    private static string Markdown(LoadFigures load, MeasureFigures m, string loadBefore, string loadAfter)
    {
        var s = new StringBuilder();
        s.AppendLine("## Manpower (issue 6)");
        s.AppendLine();
        s.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores (shared machine: load average {loadBefore} before the run, {loadAfter} after), " +
                     $".NET {Environment.Version}, Release build, PostgreSQL {PostgresVersion()} (loopback, default settings), by");
        s.AppendLine("`dotnet run -c Release --project bench/Phatthana.Bench -- manpower`. The load and the measurements run in child processes of their own, " +
                     "with the server GC as the app has it. The machine is shared: other work competes for its two cores, so times vary from run to run; " +
                     "medians are the figures to compare.");
        s.AppendLine();
        s.AppendLine($"**National dataset** (synthetic, deterministic): {load.Areas} areas ({NationalData.PrimaryAreas} primary of 100–200 schools, " +
                     $"{NationalData.SecondaryAreas} secondary of {NationalData.SecondaryAreaSchools}), **{load.Schools:N0} schools** ({load.SmallSchools:N0} of them " +
                     "with 120 students or fewer; grades K1/K2–P6 in primary schools, to M3 in extended-opportunity ones, M1–M6 in secondary ones), " +
                     $"**{load.CountRows:N0} student-count rows** for two academic years ({NationalData.PreviousYear}, {NationalData.Year}; a few schools lack the latest), " +
                     $"**{load.Posts:N0} posts** near each school's requirement ({load.VacantPosts:N0} vacant) and a thin registry row for each of the " +
                     $"{load.People:N0} occupants. Loaded with binary COPY in {load.CopySeconds:0.0} s (generated in {load.GenerateSeconds:0.0} s), then " +
                     $"`VACUUM ANALYZE` in {load.VacuumSeconds:0.0} s, as autovacuum would; database {load.DatabaseBytes / 1048576.0:N0} MB.");
        s.AppendLine();
        s.AppendLine("A run is one request's work in a new DI scope, as the system (every area): **national** is `ManpowerCalculation.ComputeAsync` with no " +
                     $"area ({NationalWarm()}); **one area** is `ManpowerCalculation.ForAreaAsync` for the {NationalData.MeasuredAreaSchools}-school area " +
                     $"{NationalData.MeasuredAreaCode} with no year asked, as its page and API do — the area's years with counts, the rule set in force, then the " +
                     $"same three queries ({AreaWarm()}). \"raw SQL\" is the same statements written by hand on a plain Npgsql connection, rows read, no EF, no " +
                     "criteria; the ratio is app ÷ raw. \"criteria in memory\" is the rule set applied to those rows (grouping, `StaffingCalculator` per school, " +
                     "the summary). Each app answer is checked against the raw rows with the criteria applied. **GET** is " +
                     $"`/api/v1/areas/{NationalData.MeasuredAreaCode}/manpower` through the built app on a loopback port (its own process, bearer token, whole " +
                     "JSON body read), timed at the client.");
        s.AppendLine();
        s.AppendLine("| scenario | schools | median | p95 | min – max | CPU (median) | allocated | EF queries in flight | raw SQL (median) | app ÷ raw | criteria in memory | target | met |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|");
        Row(s, "national: `ComputeAsync`, all areas", m.National, NationalTargetMs);
        Row(s, $"one area ({NationalData.MeasuredAreaCode}): `ForAreaAsync`", m.Area, AreaTargetMs);
        if (m.Area.Raw3 is { } r3)
            s.AppendLine($"| one area: the three bulk queries alone, raw SQL | | {r3.MedianMs:0.0} ms | {r3.P95Ms:0.0} ms | {r3.MinMs:0.0} – {r3.MaxMs:0.0} ms | {r3.CpuMs:0.0} ms | {r3.AllocatedMb:0.0} MB | | | | | | |");
        if (m.Rebalancing is { } rb)
            s.AppendLine($"| one area: rebalancing suggestions (`RebalancingPlan.ForAreaAsync`: the analysis, posts, needs, {m.Moves:N0} moves for {m.ShortPosts:N0} posts short) | {m.Area.Schools:N0} | " +
                         $"**{rb.MedianMs:0.0} ms** | {rb.P95Ms:0.0} ms | {rb.MinMs:0.0} – {rb.MaxMs:0.0} ms | {rb.CpuMs:0.0} ms | {rb.AllocatedMb:0.0} MB | {rb.QueriesMs:0.0} ms | | | | | |");
        if (m.Http is { } h)
            s.AppendLine($"| one area: `GET /api/v1/areas/{NationalData.MeasuredAreaCode}/manpower` ({m.HttpBytes / 1024.0:0} KB JSON), at the client | {m.Area.Schools:N0} | " +
                         $"**{h.MedianMs:0.0} ms** | {h.P95Ms:0.0} ms | {h.MinMs:0.0} – {h.MaxMs:0.0} ms | (app process) | | | | | | | |");
        s.AppendLine();
        s.AppendLine("CPU and allocated are this process's per run (user + system time, `GC.GetTotalAllocatedBytes`); the server's CPU is not in them. " +
                     "\"EF queries in flight\" is the time from sending each query until its reader closes (the database, the transfer and EF reading the " +
                     "rows into objects), summed over the run's queries; the rest of a run is the criteria and the summary in memory.");
        s.AppendLine();
        foreach (var c in new[] { m.National, m.Area })
        {
            var x = c.Summary;
            s.AppendLine($"- {(c.Name == "national" ? "National" : "Area " + NationalData.MeasuredAreaCode)} answer: {x.Schools:N0} schools computed ({c.Missing} without counts for " +
                         $"{NationalData.Year}), {x.ShortageSchools:N0} short by {x.ShortagePosts:N0} posts, {x.SurplusSchools:N0} over by {x.SurplusPosts:N0}, " +
                         $"{x.ExactSchools:N0} exact; required {x.RequiredPosts:N0}, on the register {x.ActualPosts:N0}, net {x.NetSurplus:+#,0;-#,0;0} ({x.NetSurplusPercent:0.00} %).");
        }
        s.AppendLine();
        s.AppendLine("**Plans** (`EXPLAIN (ANALYZE, BUFFERS)` of the statements EF sent, with their parameters; `PHATTHANA_BENCH_SQL=1` prints them whole):");
        s.AppendLine();
        s.AppendLine("| scenario | statement | scans | time in the server |");
        s.AppendLine("|---|---|---|---:|");
        foreach (var p in m.Plans)
            s.AppendLine($"| {p.Scenario} | {p.Statement} | {p.Scans} | {p.ExecutionMs:0.0} ms |");
        s.AppendLine();
        s.AppendLine($"Peak memory of the measuring process {m.PeakMb:N0} MB; of the loading process {load.PeakMb:N0} MB.");
        return s.ToString();
    }

    private static string NationalWarm() => $"{ManpowerScenario.NationalWarmUps} warm-up runs, then {ManpowerScenario.NationalRuns} timed";
    private static string AreaWarm() => $"{ManpowerScenario.AreaWarmUps} warm-up runs, then {ManpowerScenario.AreaRuns} timed";

    private static void Row(StringBuilder s, string title, CaseFigures c, double target) =>
        s.AppendLine($"| {title} | {c.Schools:N0} | **{c.App.MedianMs:0.0} ms** | {c.App.P95Ms:0.0} ms | {c.App.MinMs:0.0} – {c.App.MaxMs:0.0} ms | " +
                     $"{c.App.CpuMs:0.0} ms | {c.App.AllocatedMb:0.0} MB | {c.App.QueriesMs:0.0} ms | {c.Raw.MedianMs:0.0} ms | {c.App.MedianMs / c.Raw.MedianMs:0.0}× | " +
                     $"{c.Criteria.MedianMs:0.0} ms | < {target:N0} ms | {(c.App.MedianMs < target ? "yes" : "**no**")}{(c.App.P95Ms < target ? "" : " (p95 over)")} |");

    private static string PostgresVersion()
    {
        using var connection = new Npgsql.NpgsqlConnection(BenchDatabase.Server);
        connection.Open();
        return connection.PostgreSqlVersion.ToString();
    }
}
