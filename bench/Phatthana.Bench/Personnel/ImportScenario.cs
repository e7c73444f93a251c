using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Imports;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Bench.Personnel;

public sealed record ImportFigures(
    string Provider, int Rows, int Created, double Seconds, double ReadSeconds, double WriteSeconds, double CpuSeconds, bool ServerGc,
    double PeakMb, double AllocatedMb, long FileBytes, int People, int History, int Audit)
{
    public double RowsPerSecond => Rows / Seconds;
}

/// <summary>How an import child runs: its environment (GC mode), how often, whether its database file sits in its content root.</summary>
public sealed record ImportSetting(string Label, Dictionary<string, string> Environment, int Runs, bool UnderContentRoot, bool Target);

/// <summary>Runs of one import setting: the median run (by rows/s) stands for them, the highest peak memory is theirs.</summary>
public sealed record ImportRuns(ImportSetting Setting, List<ImportFigures> Runs)
{
    public ImportFigures Median => Runs.OrderBy(r => r.RowsPerSecond).ElementAt(Runs.Count / 2);
    public double PeakMb => Runs.Max(r => r.PeakMb);
    public string Range => Runs.Count == 1 ? "" : $" ({Runs.Min(r => r.RowsPerSecond):N0}–{Runs.Max(r => r.RowsPerSecond):N0})";
}

/// <summary>
/// The import of a people .xlsx, end to end through <see cref="ImportRunner.RunAsync"/> — the path the API takes: file
/// bytes → SheetReader → PeopleImporter's checks of every row → one transaction with chunked saves, an audit entry per
/// person and per history line. Runs in its own process, so its peak memory is the import's.
/// </summary>
public static class ImportScenario
{
    /// <summary>In the child: migrate, create the areas, warm up on a small file, then import the big one once, timed.</summary>
    public static async Task<ImportFigures> RunAsync(DatabaseProvider provider, string connectionString, string file, int expected)
    {
        using var host = AppServices.Build(provider, connectionString);
        Phatthana.Web.Features.Organisation.Area area, warm;
        await using (var setup = host.SystemScope(out var db))
        {
            await db.MigrateAsync();
            area = await BenchArea.Main.CreateAsync(db);
            warm = await BenchArea.WarmUp.CreateAsync(db);
        }

        var today = ThaiDate.TodayInThailand(TimeProvider.System);
        var small = PeopleFile.Bytes(BenchArea.WarmUp, 2_000, today, seed: 7);
        var warmResult = await ImportAsync(host, warm, "warm-up.xlsx", small, null);
        Check(warmResult, 2_000);

        var content = await File.ReadAllBytesAsync(file);
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Harness.CpuTime();
        var progress = new PhaseClock();
        var watch = Stopwatch.StartNew();
        var result = await ImportAsync(host, area, Path.GetFileName(file), content, progress);
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuSeconds = (Harness.CpuTime() - cpu).TotalSeconds;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var peak = Harness.PeakMegabytes();
        Check(result, expected);

        // What was written: every person, one "joined" history line each, an audit entry for each of those rows.
        await using var verify = host.SystemScope(out var vdb);
        var people = await vdb.People.CountAsync(p => p.AreaId == area.Id);
        var history = await vdb.PersonHistory.CountAsync(h => h.AreaId == area.Id);
        var audit = await vdb.AuditEntries.CountAsync(e => e.AreaId == area.Id && (e.Entity == "Person" || e.Entity == "PersonHistory"));
        var readSeconds = progress.LastRead?.TotalSeconds ?? double.NaN;
        return new ImportFigures(BenchDatabase.Name(provider), result.Rows, result.Created, seconds, readSeconds, seconds - readSeconds,
            cpuSeconds, System.Runtime.GCSettings.IsServerGC, peak, allocated / 1048576.0, content.LongLength, people, history, audit);
    }

    /// <summary>One import in its own DI scope, as one API request would run it.</summary>
    private static async Task<ImportResult> ImportAsync(IHost host, Phatthana.Web.Features.Organisation.Area area, string name, byte[] content, IImportProgress? progress)
    {
        await using var scope = host.SystemScope(out _);
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        return await runner.RunAsync(new ImportRequest(ImportKind.People, area, null, null, name, content), progress);
    }

    private static void Check(ImportResult result, int rows)
    {
        if (result.Succeeded && result.Created == rows) return;
        foreach (var e in result.Errors.Take(20)) Console.Error.WriteLine($"row {e.Row} {e.Field}: {e.Message}");
        throw new InvalidOperationException($"import failed: {result.Errors.Count} errors, {result.Created} of {rows} created");
    }

    /// <summary>When reading and checking ended (the last reading report) — the rest is writing and committing.</summary>
    private sealed class PhaseClock : IImportProgress
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        public TimeSpan? LastRead { get; private set; }

        public void Report(string phase, int done, int total)
        {
            if (total == 0) LastRead = _watch.Elapsed; // reading reports carry no total; saving reports do
        }
    }
}
