using Npgsql;
using Phatthana.Web.Features.Manpower;
using Phatthana.Web.Features.Organisation;

namespace Phatthana.Bench.Manpower;

/// <summary>What the three bulk queries bring back, read by hand: the schools, their counts of the year, their posts in all, administrators' and vacant.</summary>
public sealed record RawData(List<SchoolFacts> Schools, List<(Guid School, Grade Grade, int Students)> Counts,
    List<(Guid School, int Posts, int Administrators, int Vacant)> Posts);

/// <summary>
/// The database's share of the analysis: the statements <see cref="ManpowerCalculation"/> needs, written by hand in SQL on a
/// plain Npgsql connection (no EF, no scope filters) and read into plain rows. Then the criteria applied to those rows
/// the way ComputeAsync applies them, to time the in-memory part apart and to check the app's answer.
/// </summary>
public static class RawManpower
{
    /// <summary>As ForAreaAsync: the area's years with counts and how many schools have each (the default is the latest at
    /// least half as covered as the best), the rule set in force, then the three queries.</summary>
    public static async Task<(int Year, RawData Data)> ForAreaAsync(string cs, Guid area)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        var coverage = new List<(int Year, int Schools)>();
        await using (var command = new NpgsqlCommand("SELECT \"AcademicYear\", COUNT(DISTINCT \"SchoolId\") FROM \"StudentCounts\" WHERE \"AreaId\" = @a GROUP BY 1 ORDER BY 1 DESC", connection))
        {
            command.Parameters.AddWithValue("a", area);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) coverage.Add((reader.GetInt32(0), (int)reader.GetInt64(1)));
        }
        var best = coverage.Max(c => c.Schools);
        var year = coverage.Where(c => c.Schools * 2 >= best).Max(c => c.Year);
        await using (var command = new NpgsqlCommand("SELECT \"Id\", \"Name\", \"EffectiveFromYear\", \"Reference\", \"IsShippedDefault\", \"Criteria\", \"Version\", \"UpdatedAt\" " +
                                                     "FROM \"StaffingRuleSets\" WHERE \"EffectiveFromYear\" <= @y ORDER BY \"EffectiveFromYear\" DESC LIMIT 1", connection))
        {
            command.Parameters.AddWithValue("y", year);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) throw new InvalidOperationException("no rule set");
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
        }
        return (year, await QueriesAsync(connection, area, year));
    }

    /// <summary>The three bulk queries alone (schools, counts of the year, posts grouped), for one area or all.</summary>
    public static async Task<RawData> QueriesAsync(string cs, Guid? area, int year)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        return await QueriesAsync(connection, area, year);
    }

    private static async Task<RawData> QueriesAsync(NpgsqlConnection connection, Guid? area, int year)
    {
        var schools = new List<SchoolFacts>();
        await using (var command = new NpgsqlCommand(
            "SELECT s.\"Id\", s.\"AreaId\", s.\"Code\", s.\"Name\", s.\"Type\", s.\"DistrictId\", d.\"Name\", s.\"NetworkId\", n.\"Name\" " +
            "FROM \"Schools\" s JOIN \"Districts\" d ON d.\"Id\" = s.\"DistrictId\" LEFT JOIN \"SchoolNetworks\" n ON n.\"Id\" = s.\"NetworkId\"" +
            (area is null ? "" : " WHERE s.\"AreaId\" = @a"), connection))
        {
            if (area is { } a) command.Parameters.AddWithValue("a", a);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                schools.Add(new SchoolFacts(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), Enum.Parse<SchoolType>(reader.GetString(4)),
                    reader.GetGuid(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetGuid(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }
        var counts = new List<(Guid, Grade, int)>();
        await using (var command = new NpgsqlCommand(
            "SELECT \"SchoolId\", \"Grade\", \"Boys\" + \"Girls\" FROM \"StudentCounts\" WHERE \"AcademicYear\" = @y" + (area is null ? "" : " AND \"AreaId\" = @a"), connection))
        {
            command.Parameters.AddWithValue("y", year);
            if (area is { } a) command.Parameters.AddWithValue("a", a);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) counts.Add((reader.GetGuid(0), Enum.Parse<Grade>(reader.GetString(1)), reader.GetInt32(2)));
        }
        var posts = new List<(Guid, int, int, int)>();
        await using (var command = new NpgsqlCommand(
            "SELECT \"SchoolId\", count(*)::int, count(*) FILTER (WHERE \"PostType\" = 'Administrator')::int, count(*) FILTER (WHERE \"OccupantId\" IS NULL)::int FROM \"Posts\"" +
            (area is null ? "" : " WHERE \"AreaId\" = @a") + " GROUP BY \"SchoolId\"", connection))
        {
            if (area is { } a) command.Parameters.AddWithValue("a", a);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) posts.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }
        return new RawData(schools, counts, posts);
    }

    /// <summary>The criteria over the rows as ComputeAsync applies them: schools by code, those without counts apart.</summary>
    public static (ManpowerSummary Summary, int Missing) Apply(RawData data, StaffingCriteria criteria)
    {
        var grades = data.Counts.GroupBy(c => c.School).ToDictionary(g => g.Key, g => g.Select(c => new GradeStudents(c.Grade, c.Students)).ToList());
        var posts = data.Posts.ToDictionary(p => p.School, p => (Teachers: p.Posts - p.Administrators, p.Administrators, p.Vacant));
        var computed = new List<SchoolManpower>(data.Schools.Count);
        var missing = 0;
        foreach (var s in data.Schools.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            if (!grades.TryGetValue(s.Id, out var g)) { missing++; continue; }
            var p = posts.GetValueOrDefault(s.Id);
            computed.Add(new SchoolManpower(s, StaffingCalculator.Compute(criteria, g), p.Teachers, p.Administrators, p.Vacant));
        }
        return (ManpowerSummary.Of(computed), missing);
    }
}
