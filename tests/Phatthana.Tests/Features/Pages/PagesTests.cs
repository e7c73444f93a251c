using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Pages;

/// <summary>The Thai pages through HTTP: sign-in, lists with search and export, forms with bad input, scope.</summary>
public sealed class PagesTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Anonymous_visitors_see_the_thai_front_page_and_are_sent_to_sign_in(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var (home, doc) = await new Browserless(host.Anonymous()).GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("th", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains("ระบบพัฒนาบุคลากรและประเมินตนเอง", doc.Body!.TextContent);

        var area = await host.AreaAsync();
        var denied = await host.Anonymous().GetAsync($"/areas/{area}/schools");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/login", denied.Headers.Location!.PathAndQuery);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Wrong_password_shows_a_thai_message_and_signs_nobody_in(DatabaseProvider provider)
    {
        var host = await Host(provider);
        // An account of its own: a failed sign-in on the shared admin would race other tests' sign-ins.
        var email = await host.UserAccountAsync(Role.AreaAdmin, await host.AreaAsync());
        var browser = new Browserless(host.Anonymous());
        var response = await browser.SubmitAsync("/account/login", "form.form", new() { ["Email"] = email, ["Password"] = "wrong-password-9" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Browserless.ParseAsync(response);
        Assert.Contains(AccountsText.SignInFailed, doc.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/users")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Signed_in_staff_land_on_their_area_and_search_the_school_list(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync("สพป.ทดสอบหน้าเว็บ");
        var wanted = await host.SchoolAsync(area, "โรงเรียนวัดไทรย้อย");
        await host.SchoolAsync(area, "โรงเรียนบ้านหนองโสน");
        var email = await host.UserAccountAsync(Role.AreaAdmin, area);
        var browser = await Browserless.SignInAsync(host, email, AppHost.Password);

        var home = await browser.Client.GetAsync("/");
        Assert.Equal($"/areas/{area}", home.Headers.Location?.OriginalString);
        var (_, overview) = await browser.GetAsync($"/areas/{area}");
        Assert.Contains("สพป.ทดสอบหน้าเว็บ", overview.QuerySelector("h1")!.TextContent);

        var (_, list) = await browser.GetAsync($"/areas/{area}/schools?q=ไทรย้อย");
        var rows = list.QuerySelectorAll("#list tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains(wanted, row.TextContent);
        Assert.Contains("แสดง 1–1 จาก 1 รายการ", list.QuerySelector(".pager")!.TextContent);

        var (_, sorted) = await browser.GetAsync($"/areas/{area}/schools?sort=name&dir=desc");
        var names = sorted.QuerySelectorAll("#list tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["โรงเรียนวัดไทรย้อย", "โรงเรียนบ้านหนองโสน"], names);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_list_exports_what_it_shows_to_xlsx(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var first = await host.SchoolAsync(area, "โรงเรียนวัดคงคาราม", district: "เมืองเพชรบุรี");
        await host.SchoolAsync(area, "โรงเรียนบ้านลาด", district: "บ้านลาด");
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, area), AppHost.Password);

        var file = await browser.Client.GetAsync($"/areas/{area}/schools?district=เมืองเพชรบุรี&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var sheet = Workbook.Read(await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("สถานศึกษา", sheet[0][0]?.ToString());
        Assert.StartsWith("ข้อมูล ณ ", sheet[2][0]?.ToString());
        Assert.Equal(["รหัสสถานศึกษา", "ชื่อสถานศึกษา", "ประเภท", "อำเภอ", "กลุ่มเครือข่าย", "รหัส SMIS", "รหัส OBEC"], Workbook.HeaderRow(sheet, "รหัสสถานศึกษา"));
        var data = Workbook.RowsAfter(sheet, "รหัสสถานศึกษา");
        Assert.Equal([first], data.Select(r => r[0]?.ToString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Creating_a_school_with_bad_input_shows_thai_errors_and_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var url = $"/areas/{area}/schools/new";

        var bad = await browser.SubmitAsync(url, "form.form", new()
        {
            ["Input.Code"] = "12AB", ["Input.Name"] = "", ["Input.Type"] = "Primary", ["Input.District"] = "เมืองเพชรบุรี",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await Browserless.ParseAsync(bad);
        Assert.Equal("รหัสสถานศึกษา (10 หลัก)ต้องเป็นตัวเลข 10 หลัก", doc.QuerySelector("[data-valmsg-for='Input.Code']")!.TextContent.Trim());
        Assert.Equal("กรุณากรอกชื่อสถานศึกษา", doc.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.Trim());
        Assert.Equal(0, await host.WithDbAsync(db => db.Schools.CountAsync(s => db.Areas.Any(a => a.Id == s.AreaId && a.Code == area))));

        var code = Unique.SchoolCode();
        var good = await browser.SubmitAsync(url, "form.form", new()
        {
            ["Input.Code"] = code, ["Input.Name"] = "โรงเรียนวัดพระทรง", ["Input.Type"] = "ExtendedOpportunity", ["Input.District"] = "เมืองเพชรบุรี",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal($"/schools/{code}", good.Headers.Location?.OriginalString);
        var (_, details) = await browser.GetAsync($"/schools/{code}");
        Assert.Contains("โรงเรียนวัดพระทรง", details.QuerySelector("h1")!.TextContent);
        Assert.Contains("เพิ่มโรงเรียนวัดพระทรงแล้ว", details.QuerySelector(".alert-ok")!.TextContent);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_stale_edit_is_refused_instead_of_overwriting(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var code = await host.SchoolAsync(area, "ชื่อตั้งต้น");
        var email = await host.UserAccountAsync(Role.AreaAdmin, area);
        var browser = await Browserless.SignInAsync(host, email, AppHost.Password);

        // Load the form (version N), then someone else saves through the API (version N+1).
        var (_, form) = await browser.GetAsync($"/schools/{code}/edit");
        var api = await host.BearerAsync(email, AppHost.Password);
        await api.PutAsJsonAsync($"/api/v1/schools/{code}", new { code, name = "แก้โดยคนอื่น", type = "Primary", district = "เมืองเพชรบุรี" });

        var values = form.QuerySelectorAll("form.form input").Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        values["Input.Name"] = "แก้จากฟอร์มเก่า";
        values["Input.Type"] = "Primary";
        var response = await browser.Client.PostAsync($"/schools/{code}/edit", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ถูกแก้ไขโดยผู้อื่นแล้ว", (await Browserless.ParseAsync(response)).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("แก้โดยคนอื่น", await host.WithDbAsync(db => db.Schools.Where(s => s.Code == code).Select(s => s.Name).SingleAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pages_of_another_area_are_404_and_edit_pages_403_for_readers(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var other = await host.AreaAsync();
        var otherSchool = await host.SchoolAsync(other);
        var ownSchool = await host.SchoolAsync(area);
        var staff = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);

        foreach (var url in new[] { $"/areas/{other}", $"/areas/{other}/schools", $"/areas/{other}/schools?format=xlsx", $"/schools/{otherSchool}",
                     $"/schools/{otherSchool}/edit", $"/areas/{other}/networks", $"/areas/{other}/districts" })
        {
            var (response, doc) = await staff.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {response.StatusCode}");
            Assert.Contains("ไม่พบหน้าที่ต้องการ", doc.QuerySelector("h1")!.TextContent);
        }

        var reader = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, area), AppHost.Password);
        Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync($"/schools/{ownSchool}")).StatusCode);
        foreach (var url in new[] { $"/schools/{ownSchool}/edit", $"/areas/{area}/schools/new", $"/schools/{ownSchool}/delete", "/users", "/audit" })
        {
            var (response, doc) = await reader.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} answered {response.StatusCode}");
            Assert.Contains("ไม่มีสิทธิ์เข้าถึง", doc.QuerySelector("h1")!.TextContent);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Delete_asks_first_then_removes_the_school(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var code = await host.SchoolAsync(area, "โรงเรียนที่จะลบ");
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);

        var (_, confirm) = await browser.GetAsync($"/schools/{code}/delete");
        Assert.Contains("ต้องการลบ", confirm.QuerySelector(".danger-zone")!.TextContent);
        Assert.Equal(1, await host.WithDbAsync(db => db.Schools.CountAsync(s => s.Code == code)));

        var done = await browser.SubmitAsync($"/schools/{code}/delete", ".danger-zone form", []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.Schools.CountAsync(s => s.Code == code)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Student_count_grid_refuses_a_bad_row_and_keeps_the_rest_unsaved(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var code = await host.SchoolAsync(area);
        var director = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.SchoolAdmin, area, code), AppHost.Password);
        var url = $"/schools/{code}/student-counts/2569/edit";

        // Row 2 (อ.3) is fine, row 3 (ป.1) has students but no classroom.
        var bad = await director.SubmitAsync(url, "form.form", new()
        {
            ["Rows[2].Boys"] = "5", ["Rows[2].Girls"] = "6", ["Rows[2].Classrooms"] = "1",
            ["Rows[3].Boys"] = "10", ["Rows[3].Girls"] = "9", ["Rows[3].Classrooms"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await Browserless.ParseAsync(bad);
        Assert.Contains("ป.1 มีนักเรียนแต่ไม่มีห้องเรียน", doc.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(0, await host.WithDbAsync(db => db.StudentCounts.CountAsync(c => db.Schools.Any(s => s.Id == c.SchoolId && s.Code == code))));

        var good = await director.SubmitAsync(url, "form.form", new()
        {
            ["Rows[2].Boys"] = "5", ["Rows[2].Girls"] = "6", ["Rows[2].Classrooms"] = "1",
            ["Rows[3].Boys"] = "10", ["Rows[3].Girls"] = "9", ["Rows[3].Classrooms"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(2, await host.WithDbAsync(db => db.StudentCounts.CountAsync(c => db.Schools.Any(s => s.Id == c.SchoolId && s.Code == code))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Lists_page_by_the_page_query_and_keep_filters_in_the_export_link(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var codes = new List<string>();
        for (var i = 0; i < 3; i++) codes.Add(await host.SchoolAsync(area, $"โรงเรียนหน้า{i}"));
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, area), AppHost.Password);

        var (_, second) = await browser.GetAsync($"/areas/{area}/schools?size=2&page=2&sort=code");
        Assert.Equal([codes.Order().Last()], second.QuerySelectorAll("#list tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Contains("หน้า 2 / 2", second.QuerySelector(".pager")!.TextContent);
        var export = second.QuerySelector("#list a.export")!.GetAttribute("href")!;
        Assert.Contains("sort=code", export);
        Assert.Contains("format=xlsx", export);
        Assert.DoesNotContain("page=", export);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_page_of_the_menu_renders_thai_without_inline_script_or_style(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area, network: "เครือข่ายทดสอบ");
        var browser = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);

        var (_, overview) = await browser.GetAsync($"/areas/{area}");
        var menu = overview.QuerySelectorAll(".mainnav a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains($"/areas/{area}/schools", menu);
        Assert.Contains("/audit", menu);
        var networkId = (await (await (await host.AdminAsync()).GetAsync($"/api/v1/areas/{area}/networks")).JsonAsync())[0].GetProperty("id").GetString();
        string[] deeper = [$"/schools/{school}", $"/schools/{school}/edit", $"/schools/{school}/delete", $"/areas/{area}/schools/new",
            $"/schools/{school}/student-counts/2569/edit", $"/areas/{area}/networks/{networkId}", $"/areas/{area}/networks/new",
            "/users/new", $"/areas/{area}/edit", "/areas/new/edit", "/account/logout", "/error?code=404"];
        foreach (var url in menu.Concat(deeper))
        {
            var (response, doc) = await browser.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode || url.StartsWith("/error"), $"{url} answered {response.StatusCode}");
            Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector("h1")?.TextContent), $"{url} has no heading");
            Assert.Empty(doc.QuerySelectorAll("[style]").Select(e => $"{url}: {e.OuterHtml}"));
            Assert.Empty(doc.QuerySelectorAll("script:not([src])").Select(e => $"{url}: {e.OuterHtml}"));
            Assert.Matches("[ก-๙]", doc.QuerySelector("h1")!.TextContent);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_director_starts_at_their_own_school(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area, "โรงเรียนของผู้อำนวยการ");
        var director = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.SchoolAdmin, area, school), AppHost.Password);
        Assert.Equal($"/schools/{school}", (await director.Client.GetAsync("/")).Headers.Location?.OriginalString);
        var (_, page) = await director.GetAsync($"/schools/{school}");
        Assert.NotNull(page.QuerySelector($"a[href='/schools/{school}/student-counts/2569/edit'], a[href^='/schools/{school}/student-counts/']"));
        Assert.Null(page.QuerySelector($"a[href='/schools/{school}/edit']"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Area_staff_add_a_user_with_a_grant_through_the_form(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var other = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);

        var (_, form) = await browser.GetAsync("/users/new");
        Assert.Equal([area], form.QuerySelectorAll("input[name='Input.Areas']").Select(i => i.GetAttribute("value")));
        Assert.DoesNotContain("SystemAdmin", form.QuerySelectorAll("#Input_Role option").Select(o => o.GetAttribute("value")));

        var email = Unique.Email("teacher");
        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "นางสาวครู ทดสอบ", ["Input.Email"] = email, ["Input.Role"] = "Teacher", ["Input.School"] = school,
            ["Input.Areas"] = other, ["Input.Password"] = "weak", ["Input.IsActive"] = "true",
        };
        var refused = await browser.SubmitAsync("/users/new", "form.form", fields);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));

        fields["Input.Areas"] = area;
        var weak = await browser.SubmitAsync("/users/new", "form.form", fields);
        Assert.Contains("อย่างน้อย 8", (await Browserless.ParseAsync(weak)).QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent);

        fields["Input.Password"] = AppHost.Password;
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/users/new", "form.form", fields)).StatusCode);
        var teacher = await host.BearerAsync(email, AppHost.Password);
        var me = await (await teacher.GetAsync("/api/v1/me")).JsonAsync();
        Assert.Equal(school, me.GetProperty("school").GetString());
        Assert.Equal("Teacher", me.GetProperty("role").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task District_list_adds_renames_and_exports(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var url = $"/areas/{area}/districts";

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(url, "form[action*='handler=Add']", new() { ["Name"] = "ชะอำ" })).StatusCode);
        var empty = await browser.SubmitAsync(url, "form[action*='handler=Add']", new() { ["Name"] = "  " });
        Assert.Contains("กรุณากรอกชื่อ", (await Browserless.ParseAsync(empty)).QuerySelector("[data-valmsg-for='Name']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(url, "form[action*='handler=Rename']", new() { ["Name"] = "ท่ายาง" })).StatusCode);

        var file = await browser.Client.GetAsync(url + "?format=xlsx");
        var rows = Workbook.RowsAfter(Workbook.Read(await file.Content.ReadAsByteArrayAsync()), "อำเภอ");
        Assert.Equal(["ท่ายาง"], rows.Select(r => r[0]?.ToString()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Impossible_dates_and_status_codes_in_the_query_get_thai_answers_not_500(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var browser = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);
        foreach (var url in new[] { "/audit?from=0001-01-01", "/audit?to=9999-12-31", "/audit?from=31/02/2569" })
        {
            var (response, doc) = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("วันที่ไม่ถูกต้อง", doc.QuerySelector(".validation-summary-errors")!.TextContent);
        }
        var (odd, _) = await browser.GetAsync("/error?code=1000");
        Assert.Equal(HttpStatusCode.NotFound, odd.StatusCode);
    }
}
