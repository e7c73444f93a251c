using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel.People;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Bench.Personnel;

public sealed record ListCase(string Name, string Title, int Total, double MedianMs, double MinMs, double MaxMs, double RawMedianMs)
{
    public double Ratio => MedianMs / RawMedianMs;
}

public sealed record ListFigures(string Provider, int People, int Runs, List<ListCase> Cases, double PeakMb);

/// <summary>
/// The first page of the person list on a large registry: <see cref="PersonRows.Query"/>, sorted by the list's default
/// sort (<see cref="PersonRows.Sorts"/>) and paged in the database by <see cref="PagingExtensions.ToPagedAsync{T}"/>
/// (a count and one page of 25), each run in its own DI scope as one request would be. Beside it, the same two
/// statements written by hand in SQL, on a plain connection, to show what EF and the scope filters cost.
/// </summary>
public static class ListScenario
{
    public const int WarmUps = 3, Runs = 11;

    private sealed record Case(string Name, string Title, PeopleFilter Filter, string? Search, string RawWhere, (string Name, object Value)? RawParameter);

    public static async Task<ListFigures> RunAsync(DatabaseProvider provider, string connectionString, int expected)
    {
        var recorder = new SqlRecorder();
        using var host = AppServices.Build(provider, connectionString, recorder);
        Guid areaId;
        string school;
        await using (var scope = host.SystemScope(out var db))
        {
            areaId = (await db.Areas.AsNoTracking().SingleAsync(a => a.Code == BenchArea.Main.Code)).Id;
            school = BenchArea.Main.SchoolCode(41);
        }
        var postgres = provider == DatabaseProvider.Postgres;
        // As EF translates string.Contains: LIKE with the pattern on PostgreSQL, instr() on SQLite.
        var contains = postgres ? "{0} LIKE @w" : "instr({0}, @w) > 0";
        const string name = "สมชาย";
        Case[] cases =
        [
            new("default", "first page, default sort (name)", new PeopleFilter(), null, "", null),
            new("school", $"first page, one school (school={school})", new PeopleFilter { School = school }, null,
                " AND (s.\"Code\" = @code OR s.\"SmisCode\" = @code OR s.\"ObecCode\" = @code)", ("code", school)),
            new("search", $"first page, name search (q={name})", new PeopleFilter(), name,
                " AND (" + string.Format(contains, "p.\"Title\" || p.\"FirstName\" || p.\"LastName\"") + " OR " +
                string.Format(contains, "p.\"FirstName\" || p.\"LastName\"") + ")", ("w", postgres ? $"%{name}%" : name)),
        ];

        var results = new List<ListCase>();
        foreach (var c in cases)
        {
            if (Environment.GetEnvironmentVariable("PHATTHANA_BENCH_SQL") == "1") await ExplainAsync(host, recorder, provider, connectionString, areaId, c);
            var total = 0;
            for (var i = 0; i < WarmUps; i++) total = (await PageAsync(host, areaId, c)).Total;
            if (c.Name == "default" && total != expected) throw new InvalidOperationException($"the list counts {total:N0} people, not {expected:N0}");
            var times = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var page = await PageAsync(host, areaId, c);
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (page.Items.Count != Math.Min(25, total)) throw new InvalidOperationException($"{c.Name}: {page.Items.Count} rows on the first page");
            }

            var raw = new List<double>();
            for (var i = 0; i < WarmUps + Runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var rawTotal = await RawPageAsync(provider, connectionString, areaId, c);
                if (i >= WarmUps) raw.Add(watch.Elapsed.TotalMilliseconds);
                if (rawTotal != total) throw new InvalidOperationException($"{c.Name}: raw SQL counts {rawTotal}, EF {total}");
            }
            var result = new ListCase(c.Name, c.Title, total, Harness.Median(times), times.Min(), times.Max(), Harness.Median(raw));
            Console.Error.WriteLine($"  {c.Name}: {total:N0} rows, EF median {result.MedianMs:0.0} ms ({result.MinMs:0.0}–{result.MaxMs:0.0}), raw {result.RawMedianMs:0.0} ms");
            results.Add(result);
        }
        return new ListFigures(BenchDatabase.Name(provider), expected, Runs, results, Harness.PeakMegabytes());
    }

    /// <summary>What the list page does: the query, the default sort, page 1 of 25 — in a fresh scope, as one request.</summary>
    private static async Task<PagedList<PersonDto>> PageAsync(IHost host, Guid areaId, Case c)
    {
        await using var scope = host.SystemScope(out var db);
        var list = new ListQuery { Q = c.Search, Page = 1, Size = ListQuery.DefaultPageSize };
        return await PersonRows.Sorts.Apply(PersonRows.Query(db, areaId, c.Filter, list.Search, true), list).ToPagedAsync(list);
    }

    /// <summary>PHATTHANA_BENCH_SQL=1: the statements EF sends for one page (the count and the page) and the database's plan for each.</summary>
    private static async Task ExplainAsync(IHost host, SqlRecorder recorder, DatabaseProvider provider, string cs, Guid areaId, Case c)
    {
        recorder.Recorded = [];
        await PageAsync(host, areaId, c);
        var statements = recorder.Recorded;
        recorder.Recorded = null;
        await using DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(cs) : new SqliteConnection(cs);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in statements)
        {
            Console.Error.WriteLine($"--- {c.Name} ---\n{sql}\n  parameters: {string.Join(", ", parameters.Select(p => $"{p.Name}={p.Value}"))}");
            await using var command = connection.CreateCommand();
            command.CommandText = (provider == DatabaseProvider.Postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + sql;
            foreach (var (name, value) in parameters) Add(command, name.TrimStart('@', '$', ':'), value);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                Console.Error.WriteLine("  " + string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }
    }

    /// <summary>The same count and page by hand: people of the area, their school and division, the post they hold.</summary>
    private static async Task<int> RawPageAsync(DatabaseProvider provider, string cs, Guid areaId, Case c)
    {
        await using DbConnection connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(cs) : new SqliteConnection(cs);
        await connection.OpenAsync();
        var where = "WHERE p.\"AreaId\" = @area" + c.RawWhere;
        // The count joins the school only when the filter is on it; the page adds the workplace names.
        var countFrom = c.RawWhere.Contains("s.\"") ? "FROM \"People\" p JOIN \"Schools\" s ON s.\"Id\" = p.\"SchoolId\"" : "FROM \"People\" p";
        var from = "FROM \"People\" p LEFT JOIN \"Schools\" s ON s.\"Id\" = p.\"SchoolId\" LEFT JOIN \"Divisions\" d ON d.\"Id\" = p.\"DivisionId\" " + where;
        await using var count = Command(connection, $"SELECT count(*) {countFrom} {where}", provider, areaId, c);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync());
        await using var page = Command(connection,
            "SELECT p.\"Id\", p.\"NationalId\", p.\"Title\", p.\"FirstName\", p.\"LastName\", p.\"Gender\", p.\"BirthDate\", p.\"Position\", " +
            "p.\"AcademicStanding\", p.\"Major\", p.\"TeachingSubjectAreas\", s.\"Code\", s.\"Name\", d.\"Name\", p.\"StartDate\", p.\"Status\", p.\"StatusDate\", " +
            "(SELECT x.\"PositionNumber\" FROM \"Posts\" x WHERE x.\"OccupantId\" = p.\"Id\" ORDER BY x.\"PositionNumber\" LIMIT 1) " +
            $"{from} ORDER BY p.\"FirstName\" LIMIT 25 OFFSET 0", provider, areaId, c);
        await using var reader = await page.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync()) reader.GetValues(values);
        return total;
    }

    private static DbCommand Command(DbConnection connection, string sql, DatabaseProvider provider, Guid areaId, Case c)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "area", provider == DatabaseProvider.Postgres ? areaId : areaId.ToString().ToUpperInvariant());
        if (c.RawParameter is { } p) Add(command, p.Name, p.Value);
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
