using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Manpower;

namespace Phatthana.Tests.Features.Manpower;

/// <summary>
/// Staffing rule sets through the API and the pages. Sets are install-wide, so each test starts its own far-future
/// year (never the year an analysis test looks at) and never counts every set, except on a host of its own.
/// </summary>
public sealed class RuleSetTests(AppHosts hosts) : ProviderTests(hosts)
{
    private const string Api = "/api/v1/staffing-rule-sets";
    private static int _year = 2609;

    /// <summary>A starting year no other test of this run uses, far beyond any year with student counts.</summary>
    private static int Year() => Interlocked.Increment(ref _year);

    private static object Body(int year, string? name = null, StaffingCriteria? criteria = null, int? version = null) => new
    {
        name = name ?? $"เกณฑ์ทดสอบ {year}", effectiveFromYear = year, reference = "ว 23/2563", criteria = criteria ?? StaffingCriteria.Default, version,
    };

    private static async Task<JsonElement> CreateAsync(HttpClient admin, int year, StaffingCriteria? criteria = null)
    {
        var response = await admin.PostAsJsonAsync(Api, Body(year, criteria: criteria), AppHost.Json);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_shipped_default_is_there_after_start_up_and_labelled(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var teacher = await host.UserAsync(Role.Teacher, await host.AreaAsync());
        var sets = await (await teacher.GetAsync(Api)).JsonAsync();
        var shipped = Assert.Single(sets.EnumerateArray(), s => s.GetProperty("isShippedDefault").GetBoolean());
        Assert.Equal(DefaultRuleSet.EffectiveFromYear, shipped.GetProperty("effectiveFromYear").GetInt32());
        Assert.Equal(ManpowerText.ShippedDefaultNote, shipped.GetProperty("reference").GetString());
        var criteria = shipped.GetProperty("criteria");
        Assert.Equal([20, 40, 60, 80, 100, 120], criteria.GetProperty("smallSchoolBands").EnumerateArray().Select(b => b.GetProperty("max").GetInt32()));
        Assert.Equal("HalfAwayFromZero", criteria.GetProperty("rounding").GetString());

        var browser = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);
        var (response, list) = await browser.GetAsync("/manpower/rule-sets");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ManpowerText.ShippedDefaultNote, list.QuerySelector("table")!.TextContent);
        var export = await browser.Client.GetAsync("/manpower/rule-sets?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var (_, details) = await browser.GetAsync($"/manpower/rule-sets/{shipped.GetProperty("id").GetString()}");
        Assert.Contains(ManpowerText.ShippedDefaultNote, details.QuerySelector(".alert-warn")!.TextContent);
        Assert.Contains("รองผู้อำนวยการ", details.QuerySelector("main")!.TextContent);
        Assert.Empty(details.QuerySelectorAll("[style], script:not([src])"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_set_is_created_read_updated_and_deleted(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var year = Year();
        var criteria = StaffingCriteria.Default with
        {
            Levels = [.. StaffingCriteria.Default.Levels.Select(l => l.Level == StaffingLevel.Primary ? l with { ClassSize = 35 } : l)],
        };
        var created = await admin.PostAsJsonAsync(Api, Body(year, "เกณฑ์ตาม ว 23/2563", criteria), AppHost.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetString();
        Assert.Equal($"{Api}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(["id", "name", "effectiveFromYear", "effectiveUntilYear", "reference", "isShippedDefault", "inForceNow", "version", "updatedAt", "criteria"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.False(body.GetProperty("isShippedDefault").GetBoolean());

        var read = await (await admin.GetAsync($"{Api}/{id}")).JsonAsync();
        Assert.Equal(35, read.GetProperty("criteria").GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "Primary").GetProperty("classSize").GetInt32());
        var version = read.GetProperty("version").GetInt32();

        var updated = await admin.PutAsJsonAsync($"{Api}/{id}", Body(year, "เกณฑ์ตาม ว 23/2563 (แก้ไข)", criteria with { RemainderForExtraRoom = 12 }, version), AppHost.Json);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.JsonAsync();
        Assert.Equal("เกณฑ์ตาม ว 23/2563 (แก้ไข)", after.GetProperty("name").GetString());
        Assert.Equal(12, after.GetProperty("criteria").GetProperty("remainderForExtraRoom").GetInt32());
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
        var stored = await host.WithDbAsync(db => db.StaffingRuleSets.AsNoTracking().SingleAsync(r => r.EffectiveFromYear == year));
        Assert.Equal(12, stored.Criteria.RemainderForExtraRoom);
        Assert.Equal(35, stored.Criteria.RuleFor(StaffingLevel.Primary)!.ClassSize);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Api}/{id}?version={version + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Api}/{id}")).StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.StaffingRuleSets.CountAsync(r => r.EffectiveFromYear == year)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_inconsistent_set_is_422_naming_every_field_and_nothing_is_saved(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var year = Year();
        var broken = StaffingCriteria.Default with
        {
            SmallSchoolBands = [new(1, 20, 1), new(15, 40, 2), new(45, 60, 3)], // overlap, then a gap
            Levels =
            [
                new(StaffingLevel.PrePrimary, 30, LevelMethod.Ratio, -25, 0), // a negative ratio
                new(StaffingLevel.Primary, 40, LevelMethod.Ratio, 25, 0),      // secondary missing
            ],
            DeputyBands = [new(0, 359, 0), new(360, 1000, 1)], // the last band must be open-ended
        };
        var response = await admin.PostAsJsonAsync(Api, new { name = " ", effectiveFromYear = 2025, criteria = broken }, AppHost.Json);
        string[] expected =
        [
            "name", "effectiveFromYear", "criteria.smallSchoolBands[1].min", "criteria.smallSchoolBands[2].min",
            "criteria.levels[0].studentsPerTeacher", "criteria.levels", "criteria.deputyBands[1].max",
        ];
        Assert.Equal(expected.Order(), (await response.ErrorFieldsAsync()).Order());
        var messages = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToList();
        Assert.All(messages, m => Assert.Matches("[ก-๙]", m));
        Assert.Contains(messages, m => m.Contains("ปี ค.ศ.") && m.Contains("2568"));

        // The same set under a good name and year is still refused, for the criteria alone; and an update cannot break a good set.
        var again = await admin.PostAsJsonAsync(Api, Body(year, criteria: broken), AppHost.Json);
        Assert.Equal(expected.Skip(2).Order(), (await again.ErrorFieldsAsync()).Order());
        Assert.Equal(0, await host.WithDbAsync(db => db.StaffingRuleSets.CountAsync(r => r.EffectiveFromYear == year)));
        var good = await CreateAsync(admin, year);
        var put = await admin.PutAsJsonAsync($"{Api}/{good.GetProperty("id").GetString()}", Body(year, criteria: broken), AppHost.Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        var kept = await host.WithDbAsync(db => db.StaffingRuleSets.AsNoTracking().SingleAsync(r => r.EffectiveFromYear == year));
        Assert.Equal(6, kept.Criteria.SmallSchoolBands.Count);

        // JSON that does not bind (an unknown method) is a 422 naming the field, not a 500.
        var json = JsonSerializer.Serialize(Body(Year()), AppHost.Json).Replace("\"PerRoom\"", "\"PerStudent\"");
        var unknown = await admin.PostAsync(Api, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Single(await unknown.ErrorFieldsAsync(), f => f.StartsWith("criteria.levels[2]"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_starting_year_already_taken_is_409_naming_the_field(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var year = Year();
        await CreateAsync(admin, year);
        var twice = await admin.PostAsJsonAsync(Api, Body(year, "อีกชุดปีเดียวกัน"), AppHost.Json);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var error = Assert.Single((await twice.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal("effectiveFromYear", error.GetProperty("field").GetString());
        Assert.Contains("ปีการศึกษานี้", error.GetProperty("message").GetString());

        // Moving another set onto the year is the same conflict.
        var other = await CreateAsync(admin, Year());
        var moved = await admin.PutAsJsonAsync($"{Api}/{other.GetProperty("id").GetString()}", Body(year), AppHost.Json);
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.StaffingRuleSets.CountAsync(r => r.EffectiveFromYear == year)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_stale_version_is_409_and_the_newer_save_stays(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var year = Year();
        var set = await CreateAsync(admin, year);
        var url = $"{Api}/{set.GetProperty("id").GetString()}";
        var read = set.GetProperty("version").GetInt32();

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(url, Body(year, "บันทึกก่อน", version: read), AppHost.Json)).StatusCode);
        // The same values under the old version are stale too: the version is checked even when nothing else changes.
        var stale = await admin.PutAsJsonAsync(url, Body(year, "บันทึกก่อน", version: read), AppHost.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("ถูกแก้ไขโดยผู้อื่น", (await stale.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"{url}?version={read}")).StatusCode);
        Assert.Equal("บันทึกก่อน", (await (await admin.GetAsync(url)).JsonAsync()).GetProperty("name").GetString());

        // The editor posts the version it was opened at.
        var browser = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);
        var (_, form) = await browser.GetAsync($"/manpower/rule-sets/{set.GetProperty("id").GetString()}/edit");
        var version = (await (await admin.GetAsync(url)).JsonAsync()).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(url, Body(year, "บันทึกผ่าน API", version: version), AppHost.Json)).StatusCode);
        var values = form.QuerySelectorAll("form.form input[name], form.form select[name]")
            .Where(e => e.GetAttribute("type") != "checkbox")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!,
                e.TagName == "SELECT" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "" : e.GetAttribute("value") ?? ""))
            .Select(kv => kv.Key == "Input.Name" ? new(kv.Key, "บันทึกจากฟอร์มเก่า") : kv).ToList();
        var response = await browser.Client.PostAsync($"/manpower/rule-sets/{set.GetProperty("id").GetString()}/edit", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refusedForm = await Browserless.ParseAsync(response);
        Assert.Contains("ถูกแก้ไขโดยผู้อื่นแล้ว", Assert.Single(refusedForm.QuerySelectorAll(".validation-summary-errors")).TextContent);
        Assert.Equal("บันทึกผ่าน API", await host.WithDbAsync(db => db.StaffingRuleSets.Where(r => r.EffectiveFromYear == year).Select(r => r.Name).SingleAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_last_set_cannot_be_deleted(DatabaseProvider provider)
    {
        // A host of its own: here "the last set" is the whole table.
        await using var host = await AppHost.StartAsync(provider, name: "rulesets");
        var admin = await host.AdminAsync();
        var shipped = Assert.Single((await (await admin.GetAsync(Api)).JsonAsync()).EnumerateArray());
        var shippedId = shipped.GetProperty("id").GetString();

        var refused = await admin.DeleteAsync($"{Api}/{shippedId}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("ชุดสุดท้าย", (await refused.JsonAsync()).GetProperty("detail").GetString());
        var browser = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);
        var (_, page) = await browser.GetAsync($"/manpower/rule-sets/{shippedId}/delete");
        Assert.Contains("ชุดสุดท้าย", page.QuerySelector(".danger-zone")!.TextContent);
        Assert.Null(page.QuerySelector(".danger-zone form"));

        // With a second set, the first may go (through the page, after asking); then the second is the last.
        var second = await CreateAsync(admin, 2563);
        var (_, ask) = await browser.GetAsync($"/manpower/rule-sets/{shippedId}/delete");
        Assert.Contains("จะไม่มีเกณฑ์ใช้", ask.QuerySelector(".danger-zone")!.TextContent); // 2550–2562 are left without one
        var done = await browser.SubmitAsync($"/manpower/rule-sets/{shippedId}/delete", ".danger-zone form", []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"{Api}/{second.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.StaffingRuleSets.CountAsync()));
        Assert.Equal(1, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(StaffingRuleSet) && a.Action == Phatthana.Web.Features.Audit.AuditAction.Delete)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_a_system_admin_writes_and_everyone_signed_in_reads(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var admin = await host.AdminAsync();
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var year = Year();
        var set = await CreateAsync(admin, year);
        var url = $"{Api}/{set.GetProperty("id").GetString()}";
        foreach (var (role, client) in new[] { (Role.AreaAdmin, await host.UserAsync(Role.AreaAdmin, area)), (Role.Teacher, await host.UserAsync(Role.Teacher, area, school)) })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(Api, Body(Year()), AppHost.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync(url, Body(year, $"แก้โดย {role}"), AppHost.Json)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync(Api)).StatusCode);
        Assert.Equal($"เกณฑ์ทดสอบ {year}", (await (await admin.GetAsync(url)).JsonAsync()).GetProperty("name").GetString());

        var staff = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var (details, page) = await staff.GetAsync($"/manpower/rule-sets/{set.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Null(page.QuerySelector($"a[href$='/edit']"));
        foreach (var path in new[] { "/manpower/rule-sets/new", $"/manpower/rule-sets/{set.GetProperty("id").GetString()}/edit", $"/manpower/rule-sets/{set.GetProperty("id").GetString()}/delete" })
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(path)).Response.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_form_puts_thai_errors_under_the_rows_shown_and_saves_only_a_consistent_set(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var browser = await Browserless.SignInAsync(host, AppHost.AdminEmail, AppHost.AdminPassword);
        const string url = "/manpower/rule-sets/new";
        var year = Year();
        var name = $"เกณฑ์จากฟอร์ม {year}";
        string Message(AngleSharp.Dom.IDocument doc, string field) => doc.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim();

        // Blank name, a year in ค.ศ., the third band cleared (a gap the rows after it now show), an open deputy band closed.
        var bad = await browser.SubmitFilledAsync(url, "form.form", new()
        {
            ["Input.Name"] = "", ["Input.EffectiveFromYear"] = "2025",
            ["Input.Criteria.SmallSchoolBands[2].Min"] = "", ["Input.Criteria.SmallSchoolBands[2].Max"] = "", ["Input.Criteria.SmallSchoolBands[2].Teachers"] = "",
            ["Input.Criteria.DeputyBands[4].Max"] = "2000",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await Browserless.ParseAsync(bad);
        Assert.Equal("กรุณากรอกชื่อเกณฑ์", Message(doc, "Input.Name"));
        Assert.Contains("ปี ค.ศ.", Message(doc, "Input.EffectiveFromYear"));
        Assert.Contains("ขาดช่วงนักเรียน 41–60 คน", Message(doc, "Input.Criteria.SmallSchoolBands[3].Min"));
        Assert.Contains("ช่วงสุดท้ายต้องไม่มีจำนวนสูงสุด", Message(doc, "Input.Criteria.DeputyBands[4].Max"));
        Assert.Contains("4 รายการ", doc.QuerySelector(".validation-summary-errors")!.TextContent);

        // A spare row half filled asks for its other cells; the rest of the form is still checked meanwhile.
        var partial = await browser.SubmitFilledAsync(url, "form.form", new()
        {
            ["Input.Name"] = name, ["Input.EffectiveFromYear"] = year.ToString(), ["Input.Criteria.SmallSchoolBands[6].Min"] = "121",
            ["Input.Criteria.RemainderForExtraRoom"] = "0",
        });
        doc = await Browserless.ParseAsync(partial);
        Assert.Equal("กรุณากรอกจำนวนนักเรียนสูงสุด หรือเว้นว่างทั้งแถว", Message(doc, "Input.Criteria.SmallSchoolBands[6].Max"));
        Assert.Contains("เศษที่เพิ่มห้องเรียน", Message(doc, "Input.Criteria.RemainderForExtraRoom"));
        Assert.Equal(0, await host.WithDbAsync(db => db.StaffingRuleSets.CountAsync(r => r.Name == name)));

        // Good: the last small-school band removed with its box, a spare deputy row left blank.
        var good = await browser.SubmitFilledAsync(url, "form.form", new()
        {
            ["Input.Name"] = name, ["Input.EffectiveFromYear"] = year.ToString(), ["Input.Reference"] = "ว 9/2568",
            ["Input.Criteria.SmallSchoolBands[5].Remove"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await host.WithDbAsync(db => db.StaffingRuleSets.AsNoTracking().SingleAsync(r => r.Name == name));
        Assert.Equal($"/manpower/rule-sets/{saved.Id}", good.Headers.Location?.OriginalString);
        Assert.Equal(100, saved.Criteria.SmallSchoolMax);
        Assert.Equal(StaffingCriteria.Default.DeputyBands, saved.Criteria.DeputyBands);
        Assert.Equal(StaffingCriteria.Default.Levels, saved.Criteria.Levels);
        var (_, details) = await browser.GetAsync(good.Headers.Location!.OriginalString);
        Assert.Contains(name, details.QuerySelector("h1")!.TextContent);
        Assert.Contains("ไม่เกิน 100 คน", details.QuerySelector("main")!.TextContent);

        // "New from this set" opens with its numbers and no name or year.
        var (_, copy) = await browser.GetAsync($"{url}?from={saved.Id}");
        Assert.Equal("", copy.QuerySelector("[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal("100", copy.QuerySelector("[name='Input.Criteria.SmallSchoolBands[4].Max']")!.GetAttribute("value"));
        Assert.Equal("", copy.QuerySelector("[name='Input.Criteria.SmallSchoolBands[5].Max']")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{url}?from={Guid.NewGuid()}")).Response.StatusCode);
    }
}
