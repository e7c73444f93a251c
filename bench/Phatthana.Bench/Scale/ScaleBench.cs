using System.Globalization;
using System.Text;
using System.Text.Json;
using Phatthana.Bench.Personnel;
using Phatthana.Web.Data;

namespace Phatthana.Bench.Scale;

/// <summary>
/// Issue 12: the system at the sizes it is meant for. For each database: a fresh database loaded with a
/// <see cref="ScaleSize"/> by <see cref="ScaleLoad"/>, the in-process scenarios with their raw-SQL twins
/// (<see cref="ScaleScenarios"/>), then the HTTP load run (<see cref="LoadRun"/>) — each step in a child process of its own.
/// <code>
///   scale                       SQLite at area scale, PostgreSQL at national scale, 60 s load runs; rewrites the docs section
///   scale --quick               SQLite at area scale, PostgreSQL at area scale, 15 s load runs; printed only
///   scale [--quick] [--write] [sqlite|postgres] [area|region|national] [--seconds N] [--think MS]
///   --keep        keep the loaded database (its connection and load figures in a manifest in the temp folder)
///   --reuse       use the database a --keep run left (no loading; the load run's registrations taken back first)
///   --load-only   load (and keep) only: no scenarios, no HTTP load
/// </code>
/// </summary>
public static class ScaleBench
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    public const int Readers = 50, Writers = 10;
    private static readonly Dictionary<string, string> AsTheApp = new() { ["DOTNET_gcServer"] = "1" };

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var write = args.Contains("--write") || !quick;
        var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(int.Parse).FirstOrDefault(quick ? 15 : 60);
        var think = args.SkipWhile(a => a != "--think").Skip(1).Select(int.Parse).FirstOrDefault(1000);
        var providers = args.Where(a => a is "sqlite" or "postgres").Select(BenchDatabase.ParseProvider).ToList();
        if (providers.Count == 0) providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        var sizes = args.Where(a => a is "area" or "region" or "national").Select(ScaleSize.Parse).ToList();
        ScaleSize SizeFor(DatabaseProvider p) => sizes.Count > 0 ? sizes[0] : p == DatabaseProvider.Sqlite || quick ? ScaleSize.Area : ScaleSize.National;

        var loadOnly = args.Contains("--load-only");
        var keep = args.Contains("--keep") || loadOnly;
        var reuse = args.Contains("--reuse");
        var runs = new List<(ScaleLoadFigures Load, List<ScenarioFigures> Scenarios, LoadFigures Http)>();
        foreach (var provider in providers)
        {
            var loadBefore = Harness.LoadAverage();
            var size = SizeFor(provider);
            var name = BenchDatabase.Name(provider);
            var manifest = Path.Combine(Path.GetTempPath(), $"phatthana-scale-kept-{name}-{size.Name}.json");
            var kept = reuse && File.Exists(manifest) ? JsonSerializer.Deserialize<KeptDatabase>(File.ReadAllText(manifest), Json) : null;
            if (reuse && kept is null) Console.WriteLine($"scale: --reuse but no {manifest}: loading afresh");
            var db = kept?.Database ?? await BenchDatabase.CreateAsync(provider, "scale");
            var sessionsFile = Path.GetTempFileName();
            var dropAfter = !keep && kept is null;
            try
            {
                ScaleLoadFigures load;
                if (kept is not null)
                {
                    load = kept.Load;
                    Console.WriteLine($"scale: reusing {db.Location} ({size.Name}, loaded {kept.LoadedAt:u}); the last load run's registrations taken back: " +
                        Harness.RunChild(AsTheApp, null, "scale-child", "reset", name, db.ConnectionString, WriteSessions(sessionsFile, load)));
                }
                else
                {
                    Console.WriteLine($"scale: load {size.Name} ({size.Areas} areas) on {name}");
                    load = JsonSerializer.Deserialize<ScaleLoadFigures>(Harness.RunChild(AsTheApp, null, "scale-child", "load", name, db.ConnectionString, size.Name,
                        (Readers + Writers).ToString(CultureInfo.InvariantCulture)), Json)!;
                    Console.WriteLine($"  {load.Rows:N0} rows (+ {load.AuditRows:N0} audit rows) in {load.WriteSeconds:0.0} s: {load.RowsPerSecond:N0} rows/s; generated in {load.GenerateSeconds:0.0} s");
                    if (keep)
                    {
                        await File.WriteAllTextAsync(manifest, JsonSerializer.Serialize(new KeptDatabase(db, load, DateTimeOffset.UtcNow), Json));
                        Console.WriteLine($"scale: kept {db.Location}; manifest {manifest} (drop it with DROP DATABASE, or delete the folder, when done)");
                    }
                }
                if (loadOnly) continue;
                Console.WriteLine($"scale: scenarios on {name}");
                var scenarios = JsonSerializer.Deserialize<List<ScenarioFigures>>(Harness.RunChild(AsTheApp, null, "scale-child", "scenarios", name, db.ConnectionString, quick ? "quick" : "full"), Json)!;
                Console.WriteLine($"scale: HTTP load, {Readers} readers + {Writers} writers for {seconds} s on {name}");
                WriteSessions(sessionsFile, load);
                var http = JsonSerializer.Deserialize<LoadFigures>(Harness.RunChild((IReadOnlyDictionary<string, string>?)null, null, "scale-child", "http", name, db.ConnectionString, load.Areas.ToString(CultureInfo.InvariantCulture),
                    sessionsFile, Readers.ToString(CultureInfo.InvariantCulture), Writers.ToString(CultureInfo.InvariantCulture), seconds.ToString(CultureInfo.InvariantCulture), think.ToString(CultureInfo.InvariantCulture)), Json)!;
                foreach (var p in http.Pages.Append(http.Writes))
                    Console.WriteLine($"  {p.Page}: {p.Requests:N0} requests, {p.Errors} errors, p50 {p.P50Ms:0.0} / p95 {p.P95Ms:0.0} / p99 {p.P99Ms:0.0} ms (alone {p.AloneMedianMs:0.0} ms)");
                Console.WriteLine($"  {http.Requests:N0} requests in {http.Seconds:0.0} s: {http.RequestsPerSecond:0.0}/s, {http.Errors} errors");
                foreach (var e in http.ErrorSamples) Console.WriteLine($"  error: {e}");
                // A reused database's loading figures are those of the run that loaded it (its date in the section's heading).
                var run = (load with { OpenSessions = [] }, scenarios, http);
                runs.Add(run);
                var body = Section([run], quick, seconds, loadBefore, Harness.LoadAverage(), args, await ServerAsync(db));
                Console.WriteLine(body);
                // Each database's figures have a section of their own inside the "scale" section, so one can be measured again alone.
                if (write) Console.WriteLine($"wrote {Harness.WriteSection($"scale-{name}", body)}");
            }
            finally
            {
                File.Delete(sessionsFile);
                if (dropAfter) await db.DropAsync();
            }
        }
        return 0;
    }

    public static async Task<int> RunChildAsync(string[] args)
    {
        object result = args switch
        {
            ["load", var p, var cs, var size, var users] => await ScaleLoad.RunAsync(BenchDatabase.ParseProvider(p), cs, ScaleSize.Parse(size), int.Parse(users, CultureInfo.InvariantCulture)),
            ["reset", var p, var cs, var file] => await ScaleLoad.TakeBackRegistrationsAsync(BenchDatabase.ParseProvider(p), cs, [.. File.ReadAllLines(file)]),
            ["scenarios", var p, var cs, var mode] => await ScaleScenarios.RunAsync(BenchDatabase.ParseProvider(p), cs, mode == "quick"),
            ["http", var p, var cs, var areas, var file, var readers, var writers, var secs, var thinkMs] => await LoadRun.RunAsync(BenchDatabase.ParseProvider(p), cs,
                int.Parse(areas, CultureInfo.InvariantCulture), [.. File.ReadAllLines(file)], int.Parse(readers, CultureInfo.InvariantCulture),
                int.Parse(writers, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(int.Parse(secs, CultureInfo.InvariantCulture)), int.Parse(thinkMs, CultureInfo.InvariantCulture)),
            _ => throw new ArgumentException("scale-child load|scenarios|http …"),
        };
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result, result.GetType(), Json));
        return 0;
    }

    private sealed record KeptDatabase(BenchDatabase Database, ScaleLoadFigures Load, DateTimeOffset LoadedAt);

    private static string WriteSessions(string file, ScaleLoadFigures load)
    {
        File.WriteAllLines(file, load.OpenSessions);
        return file;
    }

    private static string Ms(double v) => double.IsNaN(v) ? "–" : v.ToString(v >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>The PostgreSQL server's version and the settings the figures depend on; empty for SQLite.</summary>
    private static async Task<string> ServerAsync(BenchDatabase db)
    {
        if (db.Provider != DatabaseProvider.Postgres) return "";
        await using var connection = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        var parts = new List<string>();
        foreach (var name in new[] { "server_version", "shared_buffers", "effective_cache_size", "work_mem", "random_page_cost", "max_parallel_workers_per_gather", "fsync" })
        {
            await using var show = new Npgsql.NpgsqlCommand($"SHOW {name}", connection);
            parts.Add($"{name} {await show.ExecuteScalarAsync()}");
        }
        return $"PostgreSQL on loopback: {string.Join(", ", parts)}.";
    }

    private static string Section(List<(ScaleLoadFigures Load, List<ScenarioFigures> Scenarios, LoadFigures Http)> runs, bool quick, int seconds, string before, string after, string[] args,
        string server = "")
    {
        var b = new StringBuilder();
        b.AppendLine($"### {runs[0].Load.Provider}, {runs[0].Load.Scale} scale");
        b.AppendLine();
        b.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores (shared machine: load average {before} before the run, {after} after), .NET {Environment.Version}, Release build, by");
        b.AppendLine($"`bench/run.sh {string.Join(' ', args)}` (`dotnet run -c Release --project bench/Phatthana.Bench -- scale {string.Join(' ', args)}`).");
        if (server.Length > 0) b.AppendLine(server);
        b.AppendLine();
        b.AppendLine("**Loading** (the generator, deterministic: seeded Bogus randomizer per area, Thai names, valid distinct national IDs; written through `BulkInsert`, the imports' bulk path — COPY on PostgreSQL, a prepared INSERT on SQLite — with an audit entry for every row, one transaction an area):");
        b.AppendLine();
        b.AppendLine("| database | scale | areas | schools | people | registrations | rows (+ as many audit rows) | write time | rows/s | generate | VACUUM ANALYZE | size | peak memory |");
        b.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (l, _, _) in runs)
            b.AppendLine($"| {l.Provider} | {l.Scale} | {l.Areas} | {l.Schools:N0} | {l.People:N0} | {l.Registrations:N0} | {l.Rows:N0} | {l.WriteSeconds:0.0} s | **{l.RowsPerSecond:N0}** | {l.GenerateSeconds:0.0} s | {(l.Provider == "postgres" ? $"{l.VacuumSeconds:0.0} s" : "–")} | {l.DatabaseBytes / 1048576.0:N0} MB | {l.PeakMb:N0} MB |");
        b.AppendLine();
        b.AppendLine("Rows by table (rows, seconds including their audit rows): " + string.Join("; ", runs.Select(r => $"{r.Load.Provider}: " +
            string.Join(", ", r.Load.Tables.Where(t => t.Rows > 1000).Select(t => $"{t.Table} {t.Rows:N0} ({t.Seconds:0.0} s, {t.Rows / t.Seconds:N0}/s)")))) + ".");
        b.AppendLine();
        b.AppendLine("**The app's work against the raw database** (in-process, each run a fresh DI scope as one request, as the system; area = the first area; raw = the statements the app sent in one run, sent again on a plain connection with the same parameters, every row read; median of the runs, p95 in brackets):");
        b.AppendLine();
        b.AppendLine("| database | scenario | rows | statements | runs | app | raw SQL | app ÷ raw | target | met |");
        b.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|:---:|");
        foreach (var (l, scenarios, _) in runs)
            foreach (var s in scenarios)
                b.AppendLine($"| {l.Provider} ({l.Scale}) | {s.Title} | {s.Rows:N0} | {s.Statements} | {s.Runs} | **{Ms(s.MedianMs)}** ({Ms(s.P95Ms)}) | {Ms(s.RawMedianMs)} ({Ms(s.RawP95Ms)}) | {s.Ratio:0.0}× | " +
                    $"{(s.TargetMs is { } t ? $"< {t:N0} ms" : "")} | {(s.TargetMs is { } t2 ? (s.MedianMs < t2 ? "yes" : "**no**") : "")} |");
        b.AppendLine();
        b.AppendLine($"**HTTP load run** (the built app as its own process on a loopback port, server GC; a bounded load client in the bench: {Readers} signed-in AreaAdmins reading their area's pages in turn and {Writers} registering people for open sessions, for {seconds} s, each user waiting {runs[0].Http.ThinkMs / 2:N0}–{runs[0].Http.ThinkMs * 3 / 2:N0} ms between an answer and their next request; every request timed at the client to its last byte; \"alone\" = the page requested by one user, one at a time, before the load, after 30 warm-ups (median of 7, and the app process's CPU time over them ÷ 7); page target p95 < 100 ms on SQLite (area), < 300 ms on PostgreSQL):");
        b.AppendLine();
        b.AppendLine("| database | page | requests | errors | p50 | p95 | p99 | max | alone | app CPU a request (alone) | target met |");
        b.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|");
        foreach (var (l, _, h) in runs)
        {
            var target = l.Provider == "sqlite" ? 100 : 300;
            foreach (var p in h.Pages)
                b.AppendLine($"| {l.Provider} ({l.Scale}) | `{p.Page}` | {p.Requests:N0} | {p.Errors} | {Ms(p.P50Ms)} | **{Ms(p.P95Ms)}** | {Ms(p.P99Ms)} | {Ms(p.MaxMs)} | {Ms(p.AloneMedianMs)} | {Ms(p.AloneCpuMs)} | {(p.P95Ms < target && p.Errors == 0 ? "yes" : "**no**")} |");
            var w = h.Writes;
            b.AppendLine($"| {l.Provider} ({l.Scale}) | `{w.Page}` | {w.Requests:N0} | {w.Errors} | {Ms(w.P50Ms)} | {Ms(w.P95Ms)} | {Ms(w.P99Ms)} | {Ms(w.MaxMs)} | | | |");
        }
        b.AppendLine();
        foreach (var (l, _, h) in runs)
            b.AppendLine($"- {l.Provider} ({l.Scale}): {h.Requests:N0} requests in {h.Seconds:0.0} s = **{h.RequestsPerSecond:0.0} requests/s**, {h.Errors} errors; app CPU {h.AppCpuSeconds:0.0} s ({h.AppCpuSeconds / h.Seconds * 100:0}% of one core)." +
                (h.ErrorSamples.Count > 0 ? " First errors: " + string.Join(" / ", h.ErrorSamples.Take(3).Select(e => $"`{e.Replace("|", "\\|")}`")) : ""));
        return b.ToString();
    }
}
