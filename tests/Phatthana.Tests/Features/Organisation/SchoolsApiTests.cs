using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Organisation;

public sealed class SchoolsApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Create_then_list_returns_the_pinned_shape(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var code = Unique.SchoolCode();
        var smis = Unique.SmisCode();
        var obec = Unique.ObecCode();

        var created = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/schools", new
        {
            code, name = "โรงเรียนวัดปากคลอง", type = "ExtendedOpportunity", district = "บ้านลาด", network = "เครือข่ายที่ 7", smisCode = smis, obecCode = obec,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/schools/{code}", created.Headers.Location?.ToString());

        var list = await (await admin.GetAsync($"/api/v1/areas/{area}/schools")).JsonAsync();
        var school = Assert.Single(list.EnumerateArray());
        Assert.Equal(code, school.GetProperty("code").GetString());
        Assert.Equal("โรงเรียนวัดปากคลอง", school.GetProperty("name").GetString());
        Assert.Equal("ExtendedOpportunity", school.GetProperty("type").GetString());
        Assert.Equal("บ้านลาด", school.GetProperty("district").GetString());
        Assert.Equal("เครือข่ายที่ 7", school.GetProperty("network").GetString());
        Assert.Equal(smis, school.GetProperty("smisCode").GetString());
        Assert.Equal(obec, school.GetProperty("obecCode").GetString());

        // The district and network named for the first time now exist in the area.
        var districts = await (await admin.GetAsync($"/api/v1/areas/{area}/districts")).JsonAsync();
        Assert.Contains(districts.EnumerateArray(), d => d.GetProperty("name").GetString() == "บ้านลาด");
        var networks = await (await admin.GetAsync($"/api/v1/areas/{area}/networks")).JsonAsync();
        Assert.Equal(1, Assert.Single(networks.EnumerateArray()).GetProperty("schools").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_input_is_422_per_field_and_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);

        var response = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/schools",
            new { code = "12345", name = "", type = "Primary", district = "", smisCode = "1234567X", obecCode = "1234567" });
        var fields = await response.ErrorFieldsAsync();
        Assert.Equal(["code", "name", "district", "smisCode", "obecCode"], fields);
        var body = await response.JsonAsync();
        Assert.Contains("10 หลัก", body.GetProperty("errors")[0].GetProperty("message").GetString());

        var badEnum = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/schools",
            new { code = Unique.SchoolCode(), name = "x", type = "University", district = "d" });
        Assert.Equal(["type"], await badEnum.ErrorFieldsAsync());

        var notJson = await admin.PostAsync($"/api/v1/areas/{area}/schools", new StringContent("{ code: ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);

        Assert.Equal(0, await host.WithDbAsync(db => db.Schools.CountAsync(s => s.Code == "12345")));
        var list = await (await admin.GetAsync($"/api/v1/areas/{area}/schools")).JsonAsync();
        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(0, (await (await admin.GetAsync($"/api/v1/areas/{area}/districts")).JsonAsync()).GetArrayLength());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Duplicate_codes_are_409_even_across_areas(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var areaA = await host.AreaAsync();
        var areaB = await host.AreaAsync();
        var code = await host.SchoolAsync(areaA);
        var adminB = await host.UserAsync(Role.AreaAdmin, areaB);

        var again = await adminB.PostAsJsonAsync($"/api/v1/areas/{areaB}/schools", new { code, name = "ซ้ำ", type = "Primary", district = "x" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await (await adminB.GetAsync($"/api/v1/areas/{areaB}/schools")).JsonAsync()).GetArrayLength());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Another_areas_schools_are_404_for_read_write_and_export(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var areaA = await host.AreaAsync();
        var areaB = await host.AreaAsync();
        var schoolB = await host.SchoolAsync(areaB);
        var adminA = await host.UserAsync(Role.AreaAdmin, areaA);

        Assert.Equal(HttpStatusCode.NotFound, (await adminA.GetAsync($"/api/v1/areas/{areaB}/schools")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminA.GetAsync($"/api/v1/areas/{areaB}/schools?format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminA.GetAsync($"/api/v1/areas/{areaB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminA.PostAsJsonAsync($"/api/v1/areas/{areaB}/schools",
            new { code = Unique.SchoolCode(), name = "แทรก", type = "Primary", district = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminA.GetAsync($"/api/v1/schools/{schoolB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminA.PutAsJsonAsync($"/api/v1/schools/{schoolB}",
            new { code = schoolB, name = "ยึด", type = "Primary", district = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminA.DeleteAsync($"/api/v1/schools/{schoolB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminA.GetAsync($"/api/v1/schools/{schoolB}/student-counts/2569")).StatusCode);

        var areas = await (await adminA.GetAsync("/api/v1/areas")).JsonAsync();
        Assert.Equal([areaA], areas.EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        var untouched = await host.WithDbAsync(db => db.Schools.SingleAsync(s => s.Code == schoolB));
        Assert.NotEqual("ยึด", untouched.Name);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Roles_below_area_staff_cannot_write_schools(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var body = new { code = Unique.SchoolCode(), name = "ใหม่", type = "Primary", district = "x" };
        foreach (var role in new[] { Role.Teacher, Role.Assessor, Role.Supervisor, Role.SchoolAdmin })
        {
            var client = await host.UserAsync(role, area, role is Role.SchoolAdmin or Role.Teacher ? school : null);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/areas/{area}/schools", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/v1/schools/{school}")).StatusCode);
        }
        var anonymous = host.Anonymous();
        var unauth = await anonymous.GetAsync($"/api/v1/areas/{area}/schools");
        Assert.Equal(HttpStatusCode.Unauthorized, unauth.StatusCode);
        Assert.Equal("application/problem+json", unauth.Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task School_level_roles_see_only_their_own_school(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var own = await host.SchoolAsync(area);
        var other = await host.SchoolAsync(area);
        var director = await host.UserAsync(Role.SchoolAdmin, area, own);

        var list = await (await director.GetAsync($"/api/v1/areas/{area}/schools")).JsonAsync();
        Assert.Equal([own], list.EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/v1/schools/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/schools/{other}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Update_and_delete(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var code = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);

        var updated = await admin.PutAsJsonAsync($"/api/v1/schools/{code}", new { code, name = "โรงเรียนเปลี่ยนชื่อ", type = "Secondary", district = "ชะอำ" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var school = await (await admin.GetAsync($"/api/v1/schools/{code}")).JsonAsync();
        Assert.Equal("โรงเรียนเปลี่ยนชื่อ", school.GetProperty("name").GetString());
        Assert.Equal("Secondary", school.GetProperty("type").GetString());
        Assert.Equal(JsonValueKindNull, school.GetProperty("network").ValueKind);

        var bad = await admin.PutAsJsonAsync($"/api/v1/schools/{code}", new { code, name = "", type = "Secondary", district = "ชะอำ" });
        Assert.Equal(["name"], await bad.ErrorFieldsAsync());
        Assert.Equal("โรงเรียนเปลี่ยนชื่อ", (await (await admin.GetAsync($"/api/v1/schools/{code}")).JsonAsync()).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/schools/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/schools/{code}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Schools_created_at_once_in_a_new_district_all_succeed(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsJsonAsync($"/api/v1/areas/{area}/schools",
            new { code = Unique.SchoolCode(), name = "โรงเรียนพร้อมกัน", type = "Primary", district = "อำเภอใหม่พร้อมกัน", network = "เครือข่ายใหม่พร้อมกัน" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var districts = await (await admin.GetAsync($"/api/v1/areas/{area}/districts")).JsonAsync();
        Assert.Equal(1, districts.GetArrayLength());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deleting_a_school_audits_its_student_counts_too(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var code = await host.SchoolAsync(area);
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        await admin.PutAsJsonAsync($"/api/v1/schools/{code}/student-counts/2569", new[] { new { grade = "P1", boys = 5, girls = 6, classrooms = 1 } });
        var schoolId = await host.WithDbAsync(db => db.Schools.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/schools/{code}")).StatusCode);
        var deleted = await host.WithDbAsync(db => db.AuditEntries
            .Where(a => a.Action == Phatthana.Web.Features.Audit.AuditAction.Delete && a.EntityKey.StartsWith(schoolId.ToString()))
            .Select(a => a.Entity).ToListAsync());
        Assert.Contains("School", deleted);
        Assert.Contains("StudentCount", deleted);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
