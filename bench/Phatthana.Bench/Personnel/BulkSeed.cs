using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Personnel.People;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Bench.Personnel;

public sealed record SeedFigures(string Provider, int People, int Posts, double Seconds, double PeakMb);

/// <summary>
/// A large registry, fast: the area and its schools through EF (as the app makes them), then the people and the posts
/// they hold with raw SQL — COPY on PostgreSQL, prepared INSERTs in one transaction on SQLite — bypassing change
/// tracking and audit, which a registry of this size would have accumulated over years, not in one write.
/// </summary>
public static class BulkSeed
{
    private const string PeopleColumns = "\"Id\", \"AreaId\", \"NationalId\", \"Title\", \"FirstName\", \"LastName\", \"Gender\", \"BirthDate\", \"Position\", " +
        "\"AcademicStanding\", \"Major\", \"TeachingSubjectAreas\", \"SchoolId\", \"DivisionId\", \"StartDate\", \"Status\", \"StatusDate\", \"Version\", \"UpdatedAt\"";
    private const string PostColumns = "\"Id\", \"AreaId\", \"SchoolId\", \"PositionNumber\", \"PostType\", \"OccupantId\", \"Version\", \"UpdatedAt\"";

    private sealed record Row(Guid Id, SamplePerson Person, Guid? School, Guid? Division);

    private sealed record PostRow(Guid Id, Guid School, string Number, PostType Type, Guid Occupant);

    public static async Task<SeedFigures> RunAsync(DatabaseProvider provider, string connectionString, int count)
    {
        using var host = AppServices.Build(provider, connectionString);
        Guid areaId;
        Dictionary<string, Guid> schools, divisions;
        await using (var scope = host.SystemScope(out var db))
        {
            await db.MigrateAsync();
            var area = await BenchArea.Main.CreateAsync(db);
            areaId = area.Id;
            schools = db.Schools.Where(s => s.AreaId == areaId).ToDictionary(s => s.Code, s => s.Id);
            divisions = db.Divisions.Where(d => d.AreaId == areaId).ToDictionary(d => d.Name, d => d.Id);
        }

        var watch = Stopwatch.StartNew();
        var today = ThaiDate.TodayInThailand(TimeProvider.System);
        var rows = SamplePeople.Generate(count, BenchArea.Main.Schools, today, seed: 500)
            .Select(p => new Row(Guid.NewGuid(), p, p.School is { } i ? schools[BenchArea.Main.SchoolCode(i)] : null, p.Division is { } d ? divisions[d] : null));
        var posts = new List<PostRow>();
        var numbers = new Dictionary<Guid, int>();
        IEnumerable<Row> WithPosts(IEnumerable<Row> people)
        {
            foreach (var r in people)
            {
                // Each teacher and administrator at a school holds a post of the register (จ.18), numbered within the school.
                if (r.School is { } s && PersonRules.PostTypeFor(r.Person.Position) is { } type && r.Person.Status is null)
                {
                    var n = numbers[s] = numbers.GetValueOrDefault(s) + 1;
                    posts.Add(new PostRow(Guid.NewGuid(), s, n.ToString(), type, r.Id));
                }
                yield return r;
            }
        }

        if (provider == DatabaseProvider.Postgres) await CopyAsync(connectionString, areaId, WithPosts(rows), posts);
        else await InsertAsync(connectionString, areaId, WithPosts(rows), posts);
        return new SeedFigures(BenchDatabase.Name(provider), count, posts.Count, watch.Elapsed.TotalSeconds, Harness.PeakMegabytes());
    }

    private static async Task CopyAsync(string cs, Guid areaId, IEnumerable<Row> rows, List<PostRow> posts)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using (var people = await connection.BeginBinaryImportAsync($"COPY \"People\" ({PeopleColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                var p = r.Person;
                await people.StartRowAsync();
                await people.WriteAsync(r.Id, NpgsqlDbType.Uuid);
                await people.WriteAsync(areaId, NpgsqlDbType.Uuid);
                await people.WriteAsync(p.NationalId, NpgsqlDbType.Varchar);
                await people.WriteAsync(p.Title, NpgsqlDbType.Varchar);
                await people.WriteAsync(p.FirstName, NpgsqlDbType.Varchar);
                await people.WriteAsync(p.LastName, NpgsqlDbType.Varchar);
                await people.WriteAsync(p.Gender.ToString(), NpgsqlDbType.Varchar);
                await people.WriteAsync(p.BirthDate, NpgsqlDbType.Date);
                await people.WriteAsync(p.Position.ToString(), NpgsqlDbType.Varchar);
                await WriteNullable(people, p.Standing?.ToString());
                await WriteNullable(people, p.Major?.ToString());
                await people.WriteAsync(p.Subjects.Select(s => s.ToString()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Varchar);
                if (r.School is { } s) await people.WriteAsync(s, NpgsqlDbType.Uuid); else await people.WriteNullAsync();
                if (r.Division is { } d) await people.WriteAsync(d, NpgsqlDbType.Uuid); else await people.WriteNullAsync();
                await people.WriteAsync(p.StartDate, NpgsqlDbType.Date);
                await people.WriteAsync((p.Status ?? PersonStatus.Active).ToString(), NpgsqlDbType.Varchar);
                await people.WriteAsync(p.EffectiveDate ?? p.StartDate, NpgsqlDbType.Date);
                await people.WriteAsync(0, NpgsqlDbType.Integer);
                await people.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await people.CompleteAsync();
        }
        await using (var import = await connection.BeginBinaryImportAsync($"COPY \"Posts\" ({PostColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var post in posts)
            {
                await import.StartRowAsync();
                await import.WriteAsync(post.Id, NpgsqlDbType.Uuid);
                await import.WriteAsync(areaId, NpgsqlDbType.Uuid);
                await import.WriteAsync(post.School, NpgsqlDbType.Uuid);
                await import.WriteAsync(post.Number, NpgsqlDbType.Varchar);
                await import.WriteAsync(post.Type.ToString(), NpgsqlDbType.Varchar);
                await import.WriteAsync(post.Occupant, NpgsqlDbType.Uuid);
                await import.WriteAsync(0, NpgsqlDbType.Integer);
                await import.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await import.CompleteAsync();
        }
        // What autovacuum does on its own shortly after a load this size: statistics and the visibility map.
        foreach (var table in new[] { "People", "Posts", "Schools", "Divisions" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE \"{table}\"", connection) { CommandTimeout = 600 };
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    private static Task WriteNullable(NpgsqlBinaryImporter importer, string? value) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, NpgsqlDbType.Varchar);

    private static async Task InsertAsync(string cs, Guid areaId, IEnumerable<Row> rows, List<PostRow> posts)
    {
        var updatedAt = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow)!;
        await using var connection = new SqliteConnection(cs);
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var people = Prepare(connection, tx, "People", PeopleColumns);
        foreach (var r in rows)
        {
            var p = r.Person;
            object?[] values =
            [
                Text(r.Id), Text(areaId), p.NationalId, p.Title, p.FirstName, p.LastName, p.Gender.ToString(), Date(p.BirthDate), p.Position.ToString(),
                p.Standing?.ToString(), p.Major?.ToString(), JsonSerializer.Serialize(p.Subjects.Select(s => s.ToString())),
                r.School is { } s ? Text(s) : null, r.Division is { } d ? Text(d) : null, Date(p.StartDate),
                (p.Status ?? PersonStatus.Active).ToString(), Date(p.EffectiveDate ?? p.StartDate), 0, updatedAt,
            ];
            for (var i = 0; i < values.Length; i++) people.Parameters[i].Value = values[i] ?? DBNull.Value;
            await people.ExecuteNonQueryAsync();
        }
        var insertPost = Prepare(connection, tx, "Posts", PostColumns);
        foreach (var post in posts)
        {
            object[] values = [Text(post.Id), Text(areaId), Text(post.School), post.Number, post.Type.ToString(), Text(post.Occupant), 0, updatedAt];
            for (var i = 0; i < values.Length; i++) insertPost.Parameters[i].Value = values[i];
            await insertPost.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string table, string columns)
    {
        var names = columns.Split(", ");
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < names.Length; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        return command;
    }

    /// <summary>A key as EF Core stores a Guid in SQLite: upper-case text.</summary>
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
