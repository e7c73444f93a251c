using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Phatthana.Bench.Personnel;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Assessment;
using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Bench.Scale;

public sealed record TableFigures(string Table, long Rows, double Seconds);

public sealed record ScaleLoadFigures(string Provider, string Scale, int Areas, int Schools, int People, int Registrations, long Rows, long AuditRows,
    double GenerateSeconds, double WriteSeconds, double VacuumSeconds, long DatabaseBytes, double PeakMb, List<TableFigures> Tables, List<string> OpenSessions)
{
    /// <summary>Rows written by the bulk path a second, its audit rows not counted (they are written too, one a row).</summary>
    public double RowsPerSecond => Rows / WriteSeconds;
}

/// <summary>
/// Loads a <see cref="ScaleSize"/> through the app's own bulk path (<see cref="BulkInsert"/>, which the imports use: binary
/// COPY on PostgreSQL, one prepared INSERT run row by row on SQLite, with the same audit preparation as SaveChanges, so
/// every row gets its audit entry). One area is generated and written at a time, in chunks, one transaction an area, so
/// memory stays that of one area. Then the load-run accounts: one AreaAdmin per reader and writer, spread over the areas.
/// </summary>
public static class ScaleLoad
{
    public const int Chunk = 5_000;
    public const string UserPassword = "Bench-user-2569";

    public static string UserEmail(int i) => $"bench-user-{i:000}@example.com";

    public static async Task<ScaleLoadFigures> RunAsync(DatabaseProvider provider, string cs, ScaleSize size, int users)
    {
        using var host = AppServices.Build(provider, cs);
        Dictionary<string, Guid> frameworks;
        await using (var scope = host.SystemScope(out var db))
        {
            await db.MigrateAsync();
            await DefaultRuleSet.EnsureAsync(db);
            await ShippedFrameworks.EnsureAsync(db);
            frameworks = await db.Frameworks.AsNoTracking().ToDictionaryAsync(f => $"{f.Code}-{f.Revision}", f => f.Id);
        }

        var today = ThaiDate.TodayInThailand(TimeProvider.System);
        var tables = new Dictionary<string, (long Rows, double Seconds)>();
        double generating = 0, writing = 0;
        long rows = 0, audit = 0;
        int schools = 0, people = 0, registrations = 0;
        var open = new List<string>();
        var areaIds = new List<Guid>();
        for (var i = 0; i < size.Areas; i++)
        {
            var watch = Stopwatch.StartNew();
            var area = ScaleData.Generate(i, today, frameworks);
            generating += watch.Elapsed.TotalSeconds;
            watch.Restart();
            await using (var scope = host.SystemScope(out var db))
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                await using var tx = await db.Database.BeginTransactionAsync();
                foreach (var (table, list) in area.Tables())
                {
                    var tableWatch = Stopwatch.StartNew();
                    foreach (var chunk in list.Chunk(Chunk))
                    {
                        db.AddRange(chunk);
                        await BulkInsert.SaveChangesAsync(db);
                        db.ChangeTracker.Clear();
                    }
                    if (i == 0) Console.Error.WriteLine($"    {table}: {list.Count:N0} rows in {tableWatch.Elapsed.TotalSeconds:0.00} s");
                    var t = tables.GetValueOrDefault(table);
                    tables[table] = (t.Rows + list.Count, t.Seconds + tableWatch.Elapsed.TotalSeconds);
                    rows += list.Count;
                    audit += list.Count;
                }
                await tx.CommitAsync();
            }
            writing += watch.Elapsed.TotalSeconds;
            schools += area.Schools.Count;
            people += area.People.Count;
            registrations += area.Registrations.Count;
            areaIds.Add(area.Area.Id);
            open.AddRange(area.OpenSessions.Select(s => $"{area.Area.Code}:{s.Id}"));
            if (i % 10 == 0 || i == size.Areas - 1)
                Console.Error.WriteLine($"  area {i + 1}/{size.Areas} {area.Area.Code}: {area.Rows:N0} rows; so far {rows:N0} rows in {writing:0.0} s ({rows / writing:N0} rows/s), generating {generating:0.0} s");
        }

        // The load run's accounts: AreaAdmins, each granted one area (round robin), signing in with a password.
        await using (var scope = host.SystemScope(out var db))
        {
            // The bench's SystemAdmin first, as the app makes it on a first start (it would not, with users already there).
            await scope.ServiceProvider.GetRequiredService<Phatthana.Web.Features.Setup.AdminBootstrap>().RunAsync(BenchWebApp.Email, BenchWebApp.Password);
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            for (var i = 0; i < users; i++)
            {
                var user = new AppUser { UserName = UserEmail(i), Email = UserEmail(i), EmailConfirmed = true, DisplayName = $"ผู้ทดสอบ {i + 1}", Role = Role.AreaAdmin };
                user.AreaGrants.Add(new UserAreaGrant { UserId = user.Id, AreaId = areaIds[i % areaIds.Count] });
                var result = await manager.CreateAsync(user, UserPassword);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }

        double vacuum = 0;
        long bytes;
        if (provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(cs);
            await connection.OpenAsync();
            var watch = Stopwatch.StartNew();
            // What autovacuum does on its own shortly after a load this size: statistics and the visibility map.
            await using (var command = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 1800 }) await command.ExecuteNonQueryAsync();
            vacuum = watch.Elapsed.TotalSeconds;
            await using var sizeCommand = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
            bytes = (long)(await sizeCommand.ExecuteScalarAsync())!;
        }
        else
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource;
            bytes = new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
        }
        return new ScaleLoadFigures(BenchDatabase.Name(provider), size.Name, size.Areas, schools, people, registrations, rows, audit, generating, writing, vacuum, bytes,
            Harness.PeakMegabytes(), [.. tables.Select(t => new TableFigures(t.Key, t.Value.Rows, t.Value.Seconds))], open);
    }

    /// <summary>
    /// For a reused database (<c>scale --reuse</c>): take back what an earlier HTTP load run's writers registered in the open
    /// sessions (they start with no one registered), so each load run registers the same people as the first. Returns the number taken back.
    /// </summary>
    public static async Task<int> TakeBackRegistrationsAsync(DatabaseProvider provider, string cs, List<string> openSessions)
    {
        var ids = openSessions.Select(s => Guid.Parse(s.Split(':')[1])).ToList();
        using var host = AppServices.Build(provider, cs);
        await using var scope = host.SystemScope(out var db);
        var taken = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            taken += await db.Registrations.IgnoreQueryFilters().Where(r => chunk.Contains(r.SessionId)).ExecuteDeleteAsync();
            await db.TrainingSessions.IgnoreQueryFilters().Where(s => chunk.Contains(s.Id)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Registered, 0));
        }
        return taken;
    }
}
