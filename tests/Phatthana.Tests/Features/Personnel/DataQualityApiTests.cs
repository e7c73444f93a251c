using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Personnel;

public sealed class DataQualityApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static async Task<JsonElement> ReportAsync(HttpClient client, string area, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/areas/{area}/data-quality{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static int Count(JsonElement report, string issue) =>
        report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("issue").GetString() == issue).GetProperty("count").GetInt32();

    private static async Task<string[]> PeopleWithAsync(HttpClient client, string area, string issue) =>
        [.. (await (await client.GetAsync($"/api/v1/areas/{area}/people?issue={issue}")).JsonAsync()).EnumerateArray().Select(p => p.GetProperty("nationalId").GetString()!)];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_missing_birth_date_counts_as_incomplete_until_it_is_filled_in(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        await host.PersonAsync(area, school);

        var report = await ReportAsync(admin, area);
        Assert.Equal(0, Count(report, "incomplete"));
        Assert.Equal(1, report.GetProperty("people").GetInt32());
        Assert.Equal(100m, report.GetProperty("completenessPercent").GetDecimal());
        Assert.All(report.GetProperty("findings").EnumerateArray(), f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("label").GetString()));
            Assert.StartsWith("/areas/", f.GetProperty("link").GetString());
        });

        var body = Arrange.PersonBody(school);
        body["birthDate"] = null;
        var id = (string)body["nationalId"]!;
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body)).StatusCode);
        report = await ReportAsync(admin, area);
        Assert.Equal(1, Count(report, "incomplete"));
        Assert.True(report.GetProperty("completenessPercent").GetDecimal() < 100m);
        Assert.Equal([id], await PeopleWithAsync(admin, area, "incomplete"));
        var row = report.GetProperty("schools").EnumerateArray().Single(s => s.GetProperty("code").GetString() == school);
        Assert.Equal(2, row.GetProperty("people").GetInt32());

        body["birthDate"] = "1990-02-03";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/people/{id}", body)).StatusCode);
        report = await ReportAsync(admin, area);
        Assert.Equal(0, Count(report, "incomplete"));
        Assert.Empty(await PeopleWithAsync(admin, area, "incomplete"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Someone_moved_to_another_school_while_holding_a_post_is_found(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var (a, b) = (await host.SchoolAsync(area), await host.SchoolAsync(area));
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var body = Arrange.PersonBody(a);
        var id = (string)body["nationalId"]!;
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body)).StatusCode);
        Assert.Equal(1, Count(await ReportAsync(admin, area), "no-post"));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/schools/{a}/posts",
            new { positionNumber = Unique.PositionNumber(), postType = "Teacher", occupant = id })).StatusCode);

        var report = await ReportAsync(admin, area);
        Assert.Equal(0, Count(report, "post-elsewhere"));
        Assert.Equal(0, Count(report, "no-post"));

        body["school"] = b;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/people/{id}", body)).StatusCode);
        Assert.Equal(1, Count(await ReportAsync(admin, area), "post-elsewhere"));
        Assert.Equal([id], await PeopleWithAsync(admin, area, "post-elsewhere"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Someone_past_retirement_still_active_is_found(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var body = Arrange.PersonBody(school);
        body["birthDate"] = $"{DateTime.UtcNow.Year - 62}-01-01";
        body["startDate"] = "1990-05-16";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/people", body)).StatusCode);
        await host.PersonAsync(area, school);

        Assert.Equal(1, Count(await ReportAsync(admin, area), "over-age"));
        Assert.Equal([(string)body["nationalId"]!], await PeopleWithAsync(admin, area, "over-age"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_parameters_are_refused_and_the_report_is_the_areas_own(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);

        foreach (var days in new[] { "abc", "0", "-5", "99999" })
        {
            var response = await admin.GetAsync($"/api/v1/areas/{area}/data-quality?days={days}");
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(30, (await ReportAsync(admin, area, "?days=30")).GetProperty("staleDays").GetInt32());
        Assert.Equal(["issue"], await (await admin.GetAsync($"/api/v1/areas/{area}/people?issue=nonsense")).ErrorFieldsAsync());

        var file = await admin.GetAsync($"/api/v1/areas/{area}/data-quality?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var rows = Workbook.RowsAfter(Workbook.Read(await file.Content.ReadAsByteArrayAsync()), "รหัสสถานศึกษา");
        Assert.Equal(school, Assert.Single(rows)[0]?.ToString());

        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.UserAsync(Role.Teacher, area, school)).GetAsync($"/api/v1/areas/{area}/data-quality")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.UserAsync(Role.AreaAdmin, await host.AreaAsync())).GetAsync($"/api/v1/areas/{area}/data-quality")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.UserAsync(Role.Supervisor, area)).GetAsync($"/api/v1/areas/{area}/data-quality")).StatusCode);
    }
}
