using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Organisation;

public sealed class AreasApiTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task System_admin_creates_and_reads_an_area(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var code = Unique.AreaCode();
        var created = await admin.PostAsJsonAsync("/api/v1/areas",
            new { code, name = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาเพชรบุรี", kind = "Secondary", province = "เพชรบุรี" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal("Secondary", body.GetProperty("kind").GetString());

        var list = await (await admin.GetAsync("/api/v1/areas")).JsonAsync();
        var area = Assert.Single(list.EnumerateArray(), a => a.GetProperty("code").GetString() == code);
        Assert.Equal("เพชรบุรี", area.GetProperty("province").GetString());
        Assert.Equal(["code", "name", "kind", "province"], area.EnumerateObject().Select(p => p.Name));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Duplicate_area_code_is_409_and_bad_input_422(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var code = await host.AreaAsync();
        var again = await admin.PostAsJsonAsync("/api/v1/areas", new { code, name = "ซ้ำ", kind = "Primary", province = "x" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var bad = await admin.PostAsJsonAsync("/api/v1/areas", new { code = "มีช่อง ว่าง", name = "", province = "" });
        Assert.Equal(["code", "name", "kind", "province"], await bad.ErrorFieldsAsync());
        var badKind = await admin.PostAsJsonAsync("/api/v1/areas", new { code = Unique.AreaCode(), name = "x", kind = "Tertiary", province = "x" });
        Assert.Equal(["kind"], await badKind.ErrorFieldsAsync());
        Assert.Equal(1, await host.WithDbAsync(db => db.Areas.CountAsync(a => a.Code == code)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_a_system_admin_creates_areas(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var areaAdmin = await host.UserAsync(Role.AreaAdmin, area);
        var response = await areaAdmin.PostAsJsonAsync("/api/v1/areas", new { code = Unique.AreaCode(), name = "x", kind = "Primary", province = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/v1/areas")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Area_with_schools_cannot_be_deleted_but_an_empty_one_can(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var busy = await host.AreaAsync();
        await host.SchoolAsync(busy);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/areas/{busy}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/areas/{busy}")).StatusCode);

        var empty = await host.AreaAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/areas/{empty}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/areas/{empty}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Networks_districts_and_divisions_are_kept_per_area(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var other = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);

        var network = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/networks",
            new { name = "เครือข่ายยกระดับคุณภาพการศึกษาที่ 1", chair = "ผอ.โรงเรียนวัดปากคลอง", goals = "O-NET สูงกว่าค่าเฉลี่ย" });
        Assert.Equal(HttpStatusCode.Created, network.StatusCode);
        var id = (await network.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/networks", new { name = "เครือข่ายยกระดับคุณภาพการศึกษาที่  1" })).StatusCode);
        Assert.Equal(["name"], await (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/networks", new { name = " " })).ErrorFieldsAsync());

        var renamed = await admin.PutAsJsonAsync($"/api/v1/areas/{area}/networks/{id}", new { name = "เครือข่ายที่ 1", secretary = "ครูสมศรี" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("ครูสมศรี", (await renamed.JsonAsync()).GetProperty("secretary").GetString());
        // The same id under another area's code is not found.
        var otherAdmin = await host.UserAsync(Role.AreaAdmin, other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.PutAsJsonAsync($"/api/v1/areas/{other}/networks/{id}", new { name = "ยึด" })).StatusCode);

        foreach (var path in new[] { "districts", "divisions" })
        {
            var created = await admin.PostAsJsonAsync($"/api/v1/areas/{area}/{path}", new { name = "กลุ่มบริหารงานบุคคล" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/{path}", new { name = "กลุ่มบริหารงานบุคคล" })).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await otherAdmin.PostAsJsonAsync($"/api/v1/areas/{other}/{path}", new { name = "กลุ่มบริหารงานบุคคล" })).StatusCode);
            var itemId = (await created.JsonAsync()).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.DeleteAsync($"/api/v1/areas/{other}/{path}/{itemId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/areas/{area}/{path}/{itemId}")).StatusCode);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_district_in_use_cannot_be_deleted(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        await host.SchoolAsync(area, district: "ท่ายาง");
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var districts = await (await admin.GetAsync($"/api/v1/areas/{area}/districts")).JsonAsync();
        var id = Assert.Single(districts.EnumerateArray()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/areas/{area}/districts/{id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Area_codes_differing_only_in_case_are_duplicates_and_new_is_reserved(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var code = await host.AreaAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/v1/areas", new { code = code.ToLowerInvariant(), name = "x", kind = "Primary", province = "x" })).StatusCode);
        Assert.Equal(["code"], await (await admin.PostAsJsonAsync("/api/v1/areas", new { code = "New", name = "x", kind = "Primary", province = "x" })).ErrorFieldsAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_area_users_are_granted_cannot_be_deleted(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var area = await host.AreaAsync();
        var email = await host.UserAccountAsync(Role.Assessor, area);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/areas/{area}")).StatusCode);
        var me = await (await (await host.BearerAsync(email, AppHost.Password)).GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal([area], me.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Names_are_checked_against_their_column_and_pasted_spaces_fold(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        Assert.Equal(["name"], await (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/districts", new { name = new string('ก', 150) })).ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/divisions", new { name = new string('ก', 150) })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/districts", new { name = "เมืองเพชรบุรี" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/districts", new { name = "เมืองเพชรบุรี\u200b" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/areas/{area}/districts", new { name = "\u00a0เมืองเพชรบุรี " })).StatusCode);
    }
}
