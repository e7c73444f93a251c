using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Phatthana.Bench.Personnel;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Bench.Manpower;

public sealed record LoadFigures(int Areas, int Schools, int SmallSchools, int CountRows, int Posts, int VacantPosts, int People,
    double GenerateSeconds, double CopySeconds, double VacuumSeconds, long DatabaseBytes, double PeakMb);

/// <summary>
/// Loads <see cref="NationalData"/> into a migrated PostgreSQL database with binary COPY — areas, districts, networks,
/// schools, student counts, a thin registry row for each occupied post, the posts — then <c>VACUUM ANALYZE</c>, as
/// autovacuum would after a load this size. The rule set is the shipped default, added as the app adds it at start.
/// </summary>
public static class NationalLoad
{
    public static async Task<LoadFigures> RunAsync(string connectionString)
    {
        using (var host = AppServices.Build(DatabaseProvider.Postgres, connectionString))
        await using (var scope = host.SystemScope(out var db))
        {
            await db.MigrateAsync();
            await DefaultRuleSet.EnsureAsync(db);
        }

        var watch = Stopwatch.StartNew();
        var data = NationalData.Generate();
        var generated = watch.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"  generated {data.Areas.Count} areas, {data.Schools:N0} schools, {data.CountRows:N0} count rows, {data.Posts:N0} posts in {generated:0.0} s");

        watch.Restart();
        var now = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await CopyAsync(connection, "Areas", ["Id", "Code", "Name", "Kind", "Province", "Version"], data.Areas, async (w, a) =>
        {
            await w.WriteAsync(a.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(a.Code, NpgsqlDbType.Varchar);
            await w.WriteAsync(a.Name, NpgsqlDbType.Varchar);
            await w.WriteAsync(a.Kind.ToString(), NpgsqlDbType.Varchar);
            await w.WriteAsync(a.Province, NpgsqlDbType.Varchar);
            await w.WriteAsync(0, NpgsqlDbType.Integer);
        });
        await CopyAsync(connection, "Districts", ["Id", "AreaId", "Name", "Version"], data.Areas.SelectMany(a => a.Districts.Select(d => (a, d))), async (w, x) =>
        {
            await w.WriteAsync(x.d.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(x.a.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(x.d.Name, NpgsqlDbType.Varchar);
            await w.WriteAsync(0, NpgsqlDbType.Integer);
        });
        await CopyAsync(connection, "SchoolNetworks", ["Id", "AreaId", "Name", "Version"], data.Areas.SelectMany(a => a.Networks.Select(n => (a, n))), async (w, x) =>
        {
            await w.WriteAsync(x.n.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(x.a.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(x.n.Name, NpgsqlDbType.Varchar);
            await w.WriteAsync(0, NpgsqlDbType.Integer);
        });
        var schools = data.Areas.SelectMany(a => a.Schools.Select(s => (a, s))).ToList();
        await CopyAsync(connection, "Schools", ["Id", "AreaId", "Code", "SmisCode", "ObecCode", "Name", "Type", "DistrictId", "NetworkId", "Version", "UpdatedAt"], schools, async (w, x) =>
        {
            await w.WriteAsync(x.s.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(x.a.Id, NpgsqlDbType.Uuid);
            await w.WriteAsync(x.s.Code, NpgsqlDbType.Varchar);
            await w.WriteAsync(x.s.Smis, NpgsqlDbType.Varchar);
            await w.WriteAsync(x.s.Obec, NpgsqlDbType.Varchar);
            await w.WriteAsync(x.s.Name, NpgsqlDbType.Varchar);
            await w.WriteAsync(x.s.Type.ToString(), NpgsqlDbType.Varchar);
            await w.WriteAsync(x.s.District, NpgsqlDbType.Uuid);
            if (x.s.Network is { } n) await w.WriteAsync(n, NpgsqlDbType.Uuid); else await w.WriteNullAsync();
            await w.WriteAsync(0, NpgsqlDbType.Integer);
            await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
        });
        await CopyAsync(connection, "StudentCounts", ["AreaId", "SchoolId", "AcademicYear", "Grade", "Boys", "Girls", "Classrooms", "UpdatedAt"],
            schools.SelectMany(x => x.s.Counts.Select(c => (x.a, x.s, c))), async (w, x) =>
            {
                await w.WriteAsync(x.a.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(x.s.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(x.c.Year, NpgsqlDbType.Integer);
                await w.WriteAsync(x.c.Grade.ToString(), NpgsqlDbType.Varchar);
                await w.WriteAsync(x.c.Boys, NpgsqlDbType.Integer);
                await w.WriteAsync(x.c.Girls, NpgsqlDbType.Integer);
                await w.WriteAsync(x.c.Classrooms, NpgsqlDbType.Integer);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            });
        // The occupants: a thin registry row each (identity, position, school), enough for the posts' foreign key.
        var occupied = schools.SelectMany(x => x.s.Posts.Where(p => p.Occupant is not null).Select(p => (x.a, x.s, p))).ToList();
        var person = 0;
        await CopyAsync(connection, "People", ["Id", "AreaId", "NationalId", "Title", "FirstName", "LastName", "Position", "TeachingSubjectAreas", "SchoolId", "Status", "Version", "UpdatedAt"],
            occupied, async (w, x) =>
            {
                person++;
                await w.WriteAsync(x.p.Occupant!.Value, NpgsqlDbType.Uuid);
                await w.WriteAsync(x.a.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync($"{3_100_000_000_000L + person * 7L}", NpgsqlDbType.Varchar);
                await w.WriteAsync(person % 2 == 0 ? "นาง" : "นาย", NpgsqlDbType.Varchar);
                await w.WriteAsync($"ครู{person % 997}", NpgsqlDbType.Varchar);
                await w.WriteAsync($"ใจดี{person % 991}", NpgsqlDbType.Varchar);
                await w.WriteAsync((x.p.Type == PostType.Administrator ? Position.Director : Position.Teacher).ToString(), NpgsqlDbType.Varchar);
                await w.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Varchar);
                await w.WriteAsync(x.s.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(nameof(PersonStatus.Active), NpgsqlDbType.Varchar);
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            });
        await CopyAsync(connection, "Posts", ["Id", "AreaId", "SchoolId", "PositionNumber", "PostType", "OccupantId", "Version", "UpdatedAt"],
            schools.SelectMany(x => x.s.Posts.Select(p => (x.a, x.s, p))), async (w, x) =>
            {
                await w.WriteAsync(x.p.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(x.a.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(x.s.Id, NpgsqlDbType.Uuid);
                await w.WriteAsync(x.p.Number, NpgsqlDbType.Varchar);
                await w.WriteAsync(x.p.Type.ToString(), NpgsqlDbType.Varchar);
                if (x.p.Occupant is { } o) await w.WriteAsync(o, NpgsqlDbType.Uuid); else await w.WriteNullAsync();
                await w.WriteAsync(0, NpgsqlDbType.Integer);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            });
        var copied = watch.Elapsed.TotalSeconds;

        watch.Restart();
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 })
            await vacuum.ExecuteNonQueryAsync();
        var vacuumed = watch.Elapsed.TotalSeconds;
        await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        var bytes = (long)(await size.ExecuteScalarAsync())!;
        return new LoadFigures(data.Areas.Count, data.Schools, data.SmallSchools, data.CountRows, data.Posts, data.VacantPosts, occupied.Count,
            generated, copied, vacuumed, bytes, Harness.PeakMegabytes());
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string[] columns, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        var watch = Stopwatch.StartNew();
        var n = 0;
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        importer.Timeout = TimeSpan.FromMinutes(10);
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            await write(importer, row);
            n++;
        }
        await importer.CompleteAsync();
        Console.Error.WriteLine($"  COPY {table}: {n:N0} rows in {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
