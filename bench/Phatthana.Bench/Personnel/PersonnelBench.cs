using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Bench.Personnel;

/// <summary>
/// Personnel at scale (the registry issue's targets): a 100,000-person .xlsx imported through the app's import path,
/// and the first page of the person list of a 500,000-person registry — on SQLite and on PostgreSQL. The parent makes
/// the file and the databases; each measurement runs in a child process of its own.
/// </summary>
public static class PersonnelBench
{
    public const int ImportRows = 100_000, ListPeople = 500_000;
    private static readonly DatabaseProvider[] Providers = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public const int ImportRepeats = 3;

    /// <summary>The app runs with the server GC (the Web SDK's default); so do these children, whose memory is measured.</summary>
    private static readonly Dictionary<string, string> AsTheApp = new() { ["DOTNET_gcServer"] = "1" };

    private static readonly ImportSetting[] ImportSettings =
    [
        new("server GC (as the app)", AsTheApp, ImportRepeats, false, true),
        new("workstation GC", new() { ["DOTNET_gcServer"] = "0" }, 1, false, false),
        new("server GC, database file in the content root (as `data/phatthana.db`)", AsTheApp, 1, true, true),
    ];

    /// <summary><c>personnel [import|list] [sqlite|postgres]</c>: all of them rewrite the docs section; a subset only prints.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["file", var path])
        {
            // The import's file alone, e.g. to profile a child by hand.
            await using var stream = File.Create(path);
            PeopleFile.Write(stream, BenchArea.Main, ImportRows, ThaiDate.TodayInThailand(TimeProvider.System), seed: 2569);
            return 0;
        }
        var parts = args.Where(a => a is "import" or "list").ToList();
        var providers = args.Where(a => a is "sqlite" or "postgres").Select(BenchDatabase.ParseProvider).ToList();
        if (parts.Count == 0) parts = ["import", "list"];
        if (providers.Count == 0) providers = [.. Providers];
        var imports = new List<ImportRuns>();
        var lists = new List<(SeedFigures Seed, ListFigures List)>();
        string? fileNote = null;

        if (parts.Contains("import"))
        {
            var folder = Directory.CreateTempSubdirectory("phatthana-bench-xlsx-");
            try
            {
                var file = Path.Combine(folder.FullName, $"people-{ImportRows}.xlsx");
                var watch = Stopwatch.StartNew();
                await using (var stream = File.Create(file))
                    PeopleFile.Write(stream, BenchArea.Main, ImportRows, ThaiDate.TodayInThailand(TimeProvider.System), seed: 2569);
                fileNote = $"{new FileInfo(file).Length / 1048576.0:0.0} MB, made in {watch.Elapsed.TotalSeconds:0.0} s";
                Console.WriteLine($"people file: {file} ({fileNote})");
                // Each run on a fresh database in a fresh process: three with the app's server GC (the median is reported,
                // the highest peak memory too), one with the workstation GC to show how much of the memory is the GC's, and on
                // SQLite one with the database file inside the host's content root, where the app keeps data/phatthana.db.
                foreach (var provider in providers)
                    foreach (var setting in ImportSettings.Where(x => provider == DatabaseProvider.Sqlite || !x.UnderContentRoot))
                    {
                        var figures = new List<ImportFigures>();
                        for (var run = 0; run < setting.Runs; run++)
                        {
                            var db = await BenchDatabase.CreateAsync(provider, "import");
                            try
                            {
                                Console.WriteLine($"import {ImportRows:N0} rows on {BenchDatabase.Name(provider)}, {setting.Label}, run {run + 1} of {setting.Runs}");
                                var f = JsonSerializer.Deserialize<ImportFigures>(Harness.RunChild(setting.Environment, setting.UnderContentRoot ? db.Location : null,
                                    "personnel-child", "import", BenchDatabase.Name(provider), db.ConnectionString, file, ImportRows.ToString()))!;
                                Console.WriteLine($"  {f.RowsPerSecond:N0} rows/s, {f.Seconds:0.0} s (read+check {f.ReadSeconds:0.0} s, write {f.WriteSeconds:0.0} s), CPU {f.CpuSeconds:0.0} s, peak {f.PeakMb:N0} MB");
                                figures.Add(f);
                            }
                            finally { await db.DropAsync(); }
                        }
                        imports.Add(new ImportRuns(setting, figures));
                    }
            }
            finally { folder.Delete(recursive: true); }
        }

        if (parts.Contains("list"))
            foreach (var provider in providers)
            {
                var db = await BenchDatabase.CreateAsync(provider, "list");
                try
                {
                    var name = BenchDatabase.Name(provider);
                    Console.WriteLine($"seed {ListPeople:N0} people on {name}");
                    var seed = JsonSerializer.Deserialize<SeedFigures>(Harness.RunChild(AsTheApp, null, "personnel-child", "seed", name, db.ConnectionString, ListPeople.ToString()))!;
                    Console.WriteLine($"  {seed.People:N0} people and {seed.Posts:N0} posts in {seed.Seconds:0.0} s");
                    Console.WriteLine($"person list on {name}");
                    var list = JsonSerializer.Deserialize<ListFigures>(Harness.RunChild(AsTheApp, null, "personnel-child", "list", name, db.ConnectionString, ListPeople.ToString()))!;
                    lists.Add((seed, list));
                }
                finally { await db.DropAsync(); }
            }

        if (parts.Count < 2 || providers.Count < Providers.Length)
        {
            Console.WriteLine("(a subset ran: docs/benchmarks.md left as it is)");
            return 0;
        }
        Console.WriteLine($"wrote {Harness.WriteSection("personnel", Markdown(imports, lists, fileNote!))}");
        return 0;
    }

    /// <summary>In a child process: one measurement, printed as one RESULT line of JSON.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        object figures = args switch
        {
            ["import", var p, var cs, var file, var rows] => await ImportScenario.RunAsync(BenchDatabase.ParseProvider(p), cs, file, int.Parse(rows)),
            ["seed", var p, var cs, var count] => await BulkSeed.RunAsync(BenchDatabase.ParseProvider(p), cs, int.Parse(count)),
            ["list", var p, var cs, var count] => await ListScenario.RunAsync(BenchDatabase.ParseProvider(p), cs, int.Parse(count)),
            _ => throw new ArgumentException("personnel-child import|seed|list …"),
        };
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(figures, figures.GetType()));
        return 0;
    }

    private static string Markdown(List<ImportRuns> imports, List<(SeedFigures Seed, ListFigures List)> lists, string fileNote)
    {
        var s = new StringBuilder();
        s.AppendLine("## Personnel at scale (issue 5)");
        s.AppendLine();
        s.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores (shared machine), .NET {Environment.Version}, Release build, " +
                     $"SQLite {SqliteVersion()} (temp file, WAL) and PostgreSQL {PostgresVersion()} (loopback), by");
        s.AppendLine("`dotnet run -c Release --project bench/Phatthana.Bench -- personnel`. Each measurement runs in its own process, with the server GC as the app has it; peak memory is that process's peak working set. " +
                     "The machine is shared: other work competes for its two cores, so times vary from run to run (CPU time less so).");
        s.AppendLine();
        s.AppendLine($"**Import of {ImportRows:N0} people from .xlsx** — target ≥ 5,000 rows/s on both databases, peak memory < 500 MB. One generated file ({fileNote}): " +
                     "Thai names, valid national IDs, the positions of a primary area, 100 schools and the office's divisions, a few transfers. " +
                     "The child process migrates a fresh database, creates the area, imports a 2,000-row file into a second area as a warm-up, then runs " +
                     "`ImportRunner.RunAsync` once on the file's bytes, as the API does: every row read and checked, then one transaction saving in chunks of " +
                     $"{Phatthana.Web.Features.Imports.ImportContext.ChunkSize:N0}, a history line and an audit entry per person and per history line. \"read + check\" ends at the last reading progress report. " +
                     $"Three runs with the app's server GC (median run shown, range of rows/s, highest peak memory), one with the workstation GC for comparison, " +
                     "and on SQLite one with the database file inside the child's content root (its working directory), where the app keeps " +
                     "`data/phatthana.db` by default: the host's configuration watcher (appsettings.json, reload on change) then sees every write to the database and its WAL.");
        s.AppendLine();
        s.AppendLine("| database | setting | runs | time | rows/s (range) | read + check | write + commit | CPU (user + sys) | peak memory | allocated | written: people / history / audit | target met |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|:---:|");
        foreach (var runs in imports)
        {
            var f = runs.Median;
            var met = runs.Setting.Target ? Met(f.RowsPerSecond >= 5_000 && runs.PeakMb < 500) : "(comparison)";
            s.AppendLine($"| {f.Provider} | {runs.Setting.Label} | {runs.Runs.Count} | {f.Seconds:0.0} s | **{f.RowsPerSecond:N0}**{runs.Range} | {f.ReadSeconds:0.0} s | " +
                         $"{f.WriteSeconds:0.0} s | {f.CpuSeconds:0.0} s | **{runs.PeakMb:N0} MB** | {f.AllocatedMb / 1024:0.0} GB | {f.People:N0} / {f.History:N0} / {f.Audit:N0} | {met} |");
        }
        s.AppendLine();
        s.AppendLine($"**Person list, first page of a {ListPeople:N0}-person registry** — target < 100 ms. The people (and the posts that teachers and administrators " +
                     "hold) are loaded with COPY on PostgreSQL (then `VACUUM ANALYZE`, as autovacuum would) and with prepared INSERTs in one transaction on SQLite " +
                     "(no `ANALYZE`, as the app never runs one). A run is what the list does for one request: a new DI scope, `PersonRows.Query` with the default sort " +
                     $"from `PersonRows.Sorts`, `ToPagedAsync` page 1 of 25 (a count and the page). {ListScenario.WarmUps} warm-up runs, then the median of " +
                     $"{ListScenario.Runs}. \"raw SQL\" is the same count and page written by hand on a plain connection; the ratio is EF ÷ raw.");
        s.AppendLine();
        s.AppendLine("| database | query | matching people | median | min – max | raw SQL | ratio | target met |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|:---:|");
        foreach (var (_, list) in lists)
            foreach (var c in list.Cases)
                s.AppendLine($"| {list.Provider} | {c.Title} | {c.Total:N0} | **{c.MedianMs:0.0} ms** | {c.MinMs:0.0} – {c.MaxMs:0.0} ms | {c.RawMedianMs:0.0} ms | {c.Ratio:0.0}× | {Met(c.MedianMs < 100)} |");
        s.AppendLine();
        s.AppendLine("Loading the registry (not a target): " + string.Join("; ", lists.Select(l =>
            $"{l.Seed.Provider} {l.Seed.People:N0} people + {l.Seed.Posts:N0} posts in {l.Seed.Seconds:0} s; list process peak {l.List.PeakMb:N0} MB")) + ".");
        return s.ToString();
    }

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string SqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    private static string PostgresVersion()
    {
        using var connection = new Npgsql.NpgsqlConnection(BenchDatabase.Server);
        connection.Open();
        return connection.PostgreSqlVersion.ToString();
    }
}
