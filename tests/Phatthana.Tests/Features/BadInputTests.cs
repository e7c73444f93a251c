using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features;

/// <summary>The write paths not covered beside their feature: each refuses bad input with Thai field messages and changes nothing.</summary>
public sealed class BadInputTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Updates_through_the_api_refuse_bad_input(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var area = await host.AreaAsync("ชื่อเดิมของเขต");
        var staff = await host.UserAsync(Role.AreaAdmin, area);

        // An enum that does not bind is refused by the JSON reader before the other fields are looked at.
        Assert.Equal(["kind"], await (await admin.PutAsJsonAsync($"/api/v1/areas/{area}", new { code = area, name = " ", kind = "Tertiary", province = "x" })).ErrorFieldsAsync());
        Assert.Equal(["name", "province"], await (await admin.PutAsJsonAsync($"/api/v1/areas/{area}", new { code = area, name = " ", kind = "Primary", province = "" })).ErrorFieldsAsync());
        Assert.Equal("ชื่อเดิมของเขต", (await (await admin.GetAsync($"/api/v1/areas/{area}")).JsonAsync()).GetProperty("name").GetString());

        var network = await (await staff.PostAsJsonAsync($"/api/v1/areas/{area}/networks", new { name = "เครือข่ายเดิม" })).JsonAsync();
        var networkUrl = $"/api/v1/areas/{area}/networks/{network.GetProperty("id").GetString()}";
        Assert.Equal(["name", "goals"], await (await staff.PutAsJsonAsync(networkUrl, new { name = "", goals = new string('ก', 4001) })).ErrorFieldsAsync());
        Assert.Equal("เครือข่ายเดิม", (await (await staff.GetAsync($"/api/v1/areas/{area}/networks")).JsonAsync())[0].GetProperty("name").GetString());

        var email = await host.UserAccountAsync(Role.Assessor, area);
        var id = (await (await (await host.BearerAsync(email, AppHost.Password)).GetAsync("/api/v1/me")).JsonAsync()).GetProperty("id").GetString();
        var badUser = await staff.PutAsJsonAsync($"/api/v1/users/{id}", new { email = "ไม่ใช่อีเมล", displayName = "", role = "Assessor", areas = new[] { area } });
        Assert.Equal(["email", "displayName"], await badUser.ErrorFieldsAsync());
        Assert.Equal(1, await host.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email && u.DisplayName != "")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Edit_forms_refuse_bad_input_with_thai_messages(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var code = await host.SchoolAsync(area, "ชื่อโรงเรียนเดิม");
        var staff = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);

        var school = await staff.SubmitAsync($"/schools/{code}/edit", "form.form", new() { ["Input.Name"] = "", ["Input.SmisCode"] = "12" });
        var schoolPage = await Browserless.ParseAsync(school);
        Assert.Equal("กรุณากรอกชื่อสถานศึกษา", schoolPage.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.Trim());
        Assert.Contains("8 หลัก", schoolPage.QuerySelector("[data-valmsg-for='Input.SmisCode']")!.TextContent);
        Assert.Equal("ชื่อโรงเรียนเดิม", await host.WithDbAsync(db => db.Schools.Where(s => s.Code == code).Select(s => s.Name).SingleAsync()));

        var network = await staff.SubmitAsync($"/areas/{area}/networks/new", "form.form", new() { ["Input.Name"] = "  " });
        Assert.Contains("กรุณากรอก", (await Browserless.ParseAsync(network)).QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent);
        Assert.Equal(0, await host.WithDbAsync(db => db.SchoolNetworks.CountAsync(n => db.Areas.Any(a => a.Id == n.AreaId && a.Code == area))));

        var admin = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);
        var areaForm = await admin.SubmitAsync($"/areas/{area}/edit", "form.form", new() { ["Input.Code"] = "มี ช่องว่าง", ["Input.Kind"] = "Primary" });
        Assert.Contains("ตัวอักษรภาษาอังกฤษ", (await Browserless.ParseAsync(areaForm)).QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent);
        Assert.Equal(1, await host.WithDbAsync(db => db.Areas.CountAsync(a => a.Code == area)));

        var tampered = await admin.SubmitAsync($"/areas/{area}/edit", "form.form", new() { ["Version"] = "ไม่ใช่ตัวเลข" });
        Assert.Equal(HttpStatusCode.OK, tampered.StatusCode);
        Assert.NotNull((await Browserless.ParseAsync(tampered)).QuerySelector(".field-validation-error, .validation-summary-errors"));
    }
}
