using System.Net;
using System.Net.Http.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using static Phatthana.Tests.Infrastructure.ImportSheets;

namespace Phatthana.Tests.Features.Imports;

/// <summary>Student counts in our own template (a school_id column), and who may import them.</summary>
public sealed class StudentCountsImportTests(AppHosts hosts) : ProviderTests(hosts)
{
    /// <summary>A school's year as "grade boys/girls/rooms" lines, in grade order.</summary>
    public static async Task<string[]> CountsAsync(HttpClient client, string school, int year)
    {
        var response = await client.GetAsync($"/api/v1/schools/{school}/student-counts/{year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.JsonAsync()).EnumerateArray().Select(r =>
            $"{r.GetProperty("grade").GetString()} {r.GetProperty("boys").GetInt32()}/{r.GetProperty("girls").GetInt32()}/{r.GetProperty("classrooms").GetInt32()}")];
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_good_file_replaces_each_named_school_year_and_importing_it_again_updates(DatabaseProvider provider)
    {
        var host = await Host(provider);
        foreach (var format in new[] { ".xlsx", ".csv" })
        {
            var area = await host.AreaAsync();
            var (a, b) = (await host.SchoolAsync(area), await host.SchoolAsync(area, type: "ExtendedOpportunity"));
            var admin = await host.UserAsync(Role.AreaAdmin, area);
            await admin.PutAsJsonAsync($"/api/v1/schools/{a}/student-counts/2568", new[] { new { grade = "P6", boys = 1, girls = 1, classrooms = 1 } });
            await admin.PutAsJsonAsync($"/api/v1/schools/{a}/student-counts/2567", new[] { new { grade = "P6", boys = 2, girls = 2, classrooms = 1 } });
            var rows = With(CountsHeader, Count(a, "ป.1", 10, 12, 1), Count(a, "ป.2", 8, 9, 1), Count(b, "อบ.2", 5, 6, 1), Count(b, "ม.1", 20, 18, 2));
            var file = format == ".xlsx" ? ImportFiles.Xlsx(rows) : ImportFiles.Csv(rows);

            Assert.Equal((4, 4, 0), await (await admin.ImportAsync(area, "student-counts", file, "counts" + format, "academicYear=2568")).ImportedAsync());
            Assert.Equal(["P1 10/12/1", "P2 8/9/1"], await CountsAsync(admin, a, 2568)); // P6 of that year is replaced
            Assert.Equal(["K2 5/6/1", "M1 20/18/2"], await CountsAsync(admin, b, 2568));
            Assert.Equal(["P6 2/2/1"], await CountsAsync(admin, a, 2567)); // another year is not touched

            Assert.Equal((4, 0, 4), await (await admin.ImportAsync(area, "student-counts", file, "counts" + format, "academicYear=2568")).ImportedAsync());
            Assert.Equal(["P1 10/12/1", "P2 8/9/1"], await CountsAsync(admin, a, 2568));
            Assert.Equal(["K2 5/6/1", "M1 20/18/2"], await CountsAsync(admin, b, 2568));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_bad_row_is_reported_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var (a, b) = (await host.SchoolAsync(area), await host.SchoolAsync(area));
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        await admin.PutAsJsonAsync($"/api/v1/schools/{a}/student-counts/2568", new[] { new { grade = "P6", boys = 1, girls = 1, classrooms = 1 } });
        var rows = With(CountsHeader,
            Count(a, "ป.1", 10, 12, 1),
            Count("9999999999", "ป.1", 1, 1, 1),
            Count(a, "ป.7", 1, 1, 1),
            [a, "ป.2", "สิบ", 3, 13, 1],
            Count(a, "ป.3", 10, 10, 1, total: 25),
            Count(a, "ป.1", 1, 1, 1),
            Count(a, "ป.4", 5, 5, 0),
            [b, "ป.5", 4, -5, -1, 1]);

        foreach (var (content, name) in ImportFiles.BothFormats(rows, "counts"))
        {
            var errors = await (await admin.ImportAsync(area, "student-counts", content, name, "academicYear=2568")).ImportErrorsAsync();
            Assert.Equal([(3, "school"), (4, "grade"), (5, "boys"), (6, "total"), (7, "grade"), (8, "classrooms"), (9, "girls"), (9, "total")],
                errors.Select(e => (e.Row ?? 0, e.Field)));
            Assert.Contains("ป.7", errors[1].Message);
            Assert.Contains("สิบ", errors[2].Message);
            Assert.Contains("ชาย + หญิง", errors[3].Message);
            Assert.Contains("แถว 2", errors[4].Message);
        }
        Assert.Equal(["P6 1/1/1"], await CountsAsync(admin, a, 2568));
        Assert.Empty(await CountsAsync(admin, b, 2568));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_academic_year_is_required_and_must_be_a_buddhist_year(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var file = ImportFiles.Csv(With(CountsHeader, Count(school, "ป.1", 1, 1, 1)));

        foreach (var query in new string?[] { null, "academicYear=", "academicYear=abc", "academicYear=2025" })
        {
            var errors = await (await admin.ImportAsync(area, "student-counts", file, "counts.csv", query)).ImportErrorsAsync();
            Assert.Equal("academicYear", Assert.Single(errors).Field);
            Assert.Contains("พ.ศ.", errors[0].Message);
        }
        var unknown = await (await admin.ImportAsync(area, "student-counts", file, "counts.csv", "academicYear=2568&school=9999999999")).ImportErrorsAsync();
        Assert.Equal("school", Assert.Single(unknown).Field);
        Assert.Empty(await CountsAsync(admin, school, 2568));

        // A file may give the year on each row (a ค.ศ. year is read with a note); a row without one is an error, not skipped.
        List<object?[]> rows = [["school_id", "ชั้น/เพศ", "ชาย", "หญิง", "ห้องเรียน", "ปีการศึกษา"], [school, "ป.1", 1, 1, 1, 2568], [school, "ป.2", 2, 2, 1, 2011], [school, "ป.3", 3, 3, 1, null]];
        var missing = await (await admin.ImportAsync(area, "student-counts", ImportFiles.Csv(rows), "counts.csv")).ImportErrorsAsync();
        Assert.Equal((4, "academicYear"), (Assert.Single(missing).Row, missing[0].Field));
        Assert.Empty(await CountsAsync(admin, school, 2568));
        rows.RemoveAt(3);
        var response = await admin.ImportAsync(area, "student-counts", ImportFiles.Xlsx(rows), "counts.xlsx");
        Assert.Equal((2, 2, 0), await response.ImportedAsync());
        Assert.Equal(3, Assert.Single((await response.JsonAsync()).GetProperty("notes").EnumerateArray()).GetProperty("row").GetInt32());
        Assert.Equal(["P1 1/1/1"], await CountsAsync(admin, school, 2568));
        Assert.Equal(["P2 2/2/1"], await CountsAsync(admin, school, 2554));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_director_imports_their_own_school_only_and_other_staff_may_not(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var (own, other) = (await host.SchoolAsync(area), await host.SchoolAsync(area));
        var director = await host.UserAsync(Role.SchoolAdmin, area, own);
        var admin = await host.UserAsync(Role.AreaAdmin, area);

        var mine = ImportFiles.Csv(With(CountsHeader, Count(own, "ป.1", 10, 10, 1)));
        Assert.Equal((1, 1, 0), await (await director.ImportAsync(area, "student-counts", mine, "counts.csv", "academicYear=2568")).ImportedAsync());
        Assert.Equal(["P1 10/10/1"], await CountsAsync(admin, own, 2568));

        var both = ImportFiles.Xlsx(With(CountsHeader, Count(own, "ป.1", 20, 20, 1), Count(other, "ป.1", 5, 5, 1), Count(other, "ป.2", 5, 5, 1)));
        var errors = await (await director.ImportAsync(area, "student-counts", both, "counts.xlsx", "academicYear=2568")).ImportErrorsAsync();
        Assert.Equal([(3, "school"), (4, "school")], errors.Select(e => (e.Row ?? 0, e.Field)));
        Assert.Equal(["P1 10/10/1"], await CountsAsync(admin, own, 2568));
        Assert.Empty(await CountsAsync(admin, other, 2568));
        // Naming another school in the query is refused too.
        Assert.Equal(["school"], (await (await director.ImportAsync(area, "student-counts", mine, "counts.csv", $"academicYear=2568&school={other}")).ImportErrorsAsync()).Select(e => e.Field));

        foreach (var role in new[] { Role.Teacher, Role.Supervisor, Role.Assessor })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await host.UserAsync(role, area, role == Role.Teacher ? own : null))
                .ImportAsync(area, "student-counts", mine, "counts.csv", "academicYear=2568")).StatusCode);
        var stranger = await host.UserAsync(Role.AreaAdmin, await host.AreaAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.ImportAsync(area, "student-counts", mine, "counts.csv", "academicYear=2568")).StatusCode);
        Assert.Equal(["P1 10/10/1"], await CountsAsync(admin, own, 2568));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Imports_racing_on_one_school_year_never_mix_and_a_loser_is_told_to_import_again(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area, type: "ExtendedOpportunity");
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var files = Enumerable.Range(1, 4).Select(i => ImportFiles.Csv(With(CountsHeader, Count(school, $"ป.{i}", i, i, 1), Count(school, $"ม.{i}", i, i, 1)))).ToList();

        var responses = await Task.WhenAll(files.Select(f => admin.ImportAsync(area, "student-counts", f, "counts.csv", "academicYear=2568")));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var lost in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            var error = Assert.Single(await lost.ImportErrorsAsync());
            Assert.Contains("ระหว่างนำเข้า", error.Message);
            Assert.Contains("อีกครั้ง", error.Message);
        }
        var stored = await CountsAsync(admin, school, 2568);
        Assert.Equal(2, stored.Length);
        var n = stored[0][1] - '0';
        Assert.Equal([$"P{n} {n}/{n}/1", $"M{n} {n}/{n}/1"], stored);
    }
}
