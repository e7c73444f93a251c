using System.Net;
using System.Net.Http.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Organisation;

public sealed class StudentCountsApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static object[] Rows => [
        new { grade = "K2", boys = 10, girls = 12, classrooms = 1 },
        new { grade = "P1", boys = 21, girls = 19, classrooms = 1 },
        new { grade = "M1", boys = 30, girls = 28, classrooms = 2 },
    ];

    [Theory, MemberData(nameof(Providers))]
    public async Task Put_replaces_the_year_and_get_returns_the_same_rows(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area, type: "ExtendedOpportunity");
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var url = $"/api/v1/schools/{school}/student-counts/2567";

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(url, Rows)).StatusCode);
        var rows = await (await admin.GetAsync(url)).JsonAsync();
        Assert.Equal(["K2", "P1", "M1"], rows.EnumerateArray().Select(r => r.GetProperty("grade").GetString()));
        Assert.Equal(28, rows[2].GetProperty("girls").GetInt32());
        Assert.Equal(["grade", "boys", "girls", "classrooms"], rows[0].EnumerateObject().Select(p => p.Name));

        // A second PUT replaces: P1 changes, K2 and M1 go, P2 arrives.
        object[] next = [new { grade = "P1", boys = 1, girls = 2, classrooms = 1 }, new { grade = "P2", boys = 3, girls = 4, classrooms = 1 }];
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(url, next)).StatusCode);
        rows = await (await admin.GetAsync(url)).JsonAsync();
        Assert.Equal(["P1", "P2"], rows.EnumerateArray().Select(r => r.GetProperty("grade").GetString()));
        Assert.Equal(1, rows[0].GetProperty("boys").GetInt32());

        // Other years are untouched.
        Assert.Equal(0, (await (await admin.GetAsync($"/api/v1/schools/{school}/student-counts/2568")).JsonAsync()).GetArrayLength());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_rows_are_422_naming_each_row_and_nothing_changes(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var url = $"/api/v1/schools/{school}/student-counts/2567";
        await admin.PutAsJsonAsync(url, Rows);

        object[] bad =
        [
            new { grade = "P1", boys = -1, girls = 2, classrooms = 1 },
            new { grade = "P1", boys = 1, girls = 2, classrooms = 1 },
            new { grade = "P2", boys = 5, girls = 5, classrooms = 0 },
            new { grade = "P3", girls = 5, classrooms = 1 },
        ];
        var response = await admin.PutAsJsonAsync(url, bad);
        Assert.Equal(["[0].boys", "[1].grade", "[2].classrooms", "[3].boys"], await response.ErrorFieldsAsync());

        Assert.Equal(["[0].grade"], await (await admin.PutAsJsonAsync(url, new object[] { new { grade = "P7", boys = 1, girls = 1, classrooms = 1 } })).ErrorFieldsAsync());
        Assert.Equal(["academicYear"], await (await admin.PutAsJsonAsync($"/api/v1/schools/{school}/student-counts/1999", Rows)).ErrorFieldsAsync());
        Assert.Equal(["academicYear"], await (await admin.GetAsync($"/api/v1/schools/{school}/student-counts/abc")).ErrorFieldsAsync());

        var rows = await (await admin.GetAsync(url)).JsonAsync();
        Assert.Equal(["K2", "P1", "M1"], rows.EnumerateArray().Select(r => r.GetProperty("grade").GetString()));
        Assert.Equal(21, rows[1].GetProperty("boys").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_director_writes_their_own_school_only(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var own = await host.SchoolAsync(area);
        var other = await host.SchoolAsync(area);
        var director = await host.UserAsync(Role.SchoolAdmin, area, own);

        Assert.Equal(HttpStatusCode.OK, (await director.PutAsJsonAsync($"/api/v1/schools/{own}/student-counts/2569", Rows)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.PutAsJsonAsync($"/api/v1/schools/{other}/student-counts/2569", Rows)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().PutAsJsonAsync($"/api/v1/schools/{own}/student-counts/2569", Rows)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync($"/api/v1/schools/{own}/student-counts/2569")).StatusCode);

        foreach (var role in new[] { Role.Teacher, Role.Assessor, Role.Supervisor })
        {
            var client = await host.UserAsync(role, area, role == Role.Teacher ? own : null);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/v1/schools/{own}/student-counts/2569", Rows)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/schools/{own}/student-counts/2569")).StatusCode);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Student_counts_export_to_xlsx_with_thai_headers(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        await admin.PutAsJsonAsync($"/api/v1/schools/{school}/student-counts/2567", Rows);

        var file = await admin.GetAsync($"/api/v1/schools/{school}/student-counts/2567?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        var sheet = Workbook.Read(await file.Content.ReadAsByteArrayAsync());
        var header = Workbook.HeaderRow(sheet, "ชั้น");
        Assert.Equal(["ชั้น", "ชาย", "หญิง", "รวม", "ห้องเรียน"], header);
        var data = Workbook.RowsAfter(sheet, "ชั้น");
        Assert.Equal(["อ.2", "ป.1", "ม.1"], data.Select(r => r[0]?.ToString()));
        Assert.Equal(58d, Convert.ToDouble(data[2][3]));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Replacements_racing_on_one_school_never_mix(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var url = $"/api/v1/schools/{school}/student-counts/2560";
        string[] grades = ["P1", "P2", "P3", "P4", "P5", "P6"];

        var responses = await Task.WhenAll(grades.Select(g => admin.PutAsJsonAsync(url, new[] { new { grade = g, boys = 1, girls = 1, classrooms = 1 } })));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.False(string.IsNullOrWhiteSpace((await refused.JsonAsync()).GetProperty("detail").GetString()));

        // Whatever won, the year holds exactly one request's rows.
        var stored = await (await admin.GetAsync(url)).JsonAsync();
        Assert.Equal(1, stored.GetArrayLength());
    }
}
