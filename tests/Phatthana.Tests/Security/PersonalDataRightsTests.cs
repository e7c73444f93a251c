using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Audit;
using Phatthana.Web.Features.Personnel;

namespace Phatthana.Tests.Security;

/// <summary>
/// A person's rights over their data (PDPA): they see and download everything the system holds on them, and nothing on
/// anyone else; people who left are anonymised after the retention period, audited, and nobody else is touched.
/// </summary>
public sealed class PersonalDataRightsTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task A_person_sees_and_downloads_everything_held_on_them_and_nothing_on_others(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var mine = await host.PersonAsync(area, school, firstName: "มณีรัตน์", lastName: "ของฉัน");
        var other = await host.PersonAsync(area, school, firstName: "ประเสริฐ", lastName: "คนอื่น");
        var email = await host.UserAccountAsync(Role.Teacher, area, school, nationalId: mine);
        var teacher = await host.BearerAsync(email, AppHost.Password);

        var response = await teacher.GetAsync("/api/v1/me/data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("my-data.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = await response.Content.ReadAsStringAsync();
        var sections = JsonDocument.Parse(text).RootElement.GetProperty("sections");
        var person = Assert.Single(sections.GetProperty("person").GetProperty("rows").EnumerateArray());
        Assert.Equal(mine, person.GetProperty("nationalId").GetString());
        Assert.Equal("มณีรัตน์", person.GetProperty("firstName").GetString());
        Assert.NotEmpty(sections.GetProperty("history").GetProperty("rows").EnumerateArray());
        Assert.Contains(sections.GetProperty("audit").GetProperty("rows").EnumerateArray(), a => a.GetProperty("action").GetString() == "Create");
        Assert.Equal(email, Assert.Single(sections.GetProperty("account").GetProperty("rows").EnumerateArray()).GetProperty("email").GetString());
        foreach (var part in new[] { "registrations", "externalCompletions", "idPlans", "needResponses", "nominations" })
            Assert.True(sections.TryGetProperty(part, out _), part);
        Assert.DoesNotContain(other, text);
        Assert.DoesNotContain("คนอื่น", text);
        Assert.DoesNotContain("PasswordHash", text, StringComparison.OrdinalIgnoreCase);

        // The page shows the same, in Thai, and downloads it.
        var browser = await Browserless.SignInAsync(host, email, AppHost.Password);
        var (page, document) = await browser.GetAsync("/me/data");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("ข้อมูลของฉันในระบบ", document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("มณีรัตน์", document.Body!.TextContent);
        Assert.DoesNotContain("ประเสริฐ", document.Body.TextContent);
        // Headings and coded values in Thai; the keys that only link rows stay in the downloads.
        var headings = document.QuerySelectorAll("th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("เลขประจำตัวประชาชน", headings);
        Assert.Contains("ตำแหน่ง", headings);
        Assert.DoesNotContain("firstName", headings);
        Assert.DoesNotContain("areaId", headings);
        Assert.DoesNotContain(document.QuerySelectorAll("td").Select(c => c.TextContent.Trim()), c => c is "Teacher" or "Active");
        var download = await browser.Client.GetAsync("/me/data?format=json");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains(mine, await download.Content.ReadAsStringAsync());
        var xlsx = await browser.Client.GetAsync("/me/data?format=xlsx");
        Assert.Equal("attachment", xlsx.Content.Headers.ContentDisposition?.DispositionType);
        var sheet = Workbook.ReadAll(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Contains(sheet, r => r.Any(c => c?.ToString() == "มณีรัตน์"));
        Assert.DoesNotContain(sheet, r => r.Any(c => c?.ToString() == "ประเสริฐ"));
        // Both downloads are in the audit log as exports of personal data.
        Assert.Equal(2, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.Export && a.UserName == email)));

        // An account with no person behind it gets its account only.
        var admin = await host.UserAsync(Role.AreaAdmin, area);
        var own = JsonDocument.Parse(await (await admin.GetAsync("/api/v1/me/data")).Content.ReadAsStringAsync()).RootElement.GetProperty("sections");
        Assert.Single(own.EnumerateObject());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous().GetAsync("/api/v1/me/data")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task People_who_left_longer_ago_than_the_setting_are_anonymised_once_audited_and_no_one_else(DatabaseProvider provider)
    {
        await using var host = await AppHost.StartAsync(provider, name: "retention",
            settings: new Dictionary<string, string?> { ["Phatthana:Retention:YearsAfterLeaving"] = "5" });
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var gone = await host.PersonAsync(area, school, firstName: "เกียรติศักดิ์", lastName: "ลาออกนาน");
        var recent = await host.PersonAsync(area, school, firstName: "สุดา", lastName: "เกษียณใหม่");
        var active = await host.PersonAsync(area, school, firstName: "วิชัย", lastName: "ยังอยู่");
        var admin = await host.AdminAsync();
        // A change through the API first, so the audit log holds the name in a before/after pair.
        var body = Arrange.PersonBody(school, firstName: "เกียรติศักดิ์", lastName: "ลาออกนานมาก", nationalId: gone);
        var edited = await admin.PutAsJsonAsync($"/api/v1/people/{gone}", body);
        var today = DateOnly.FromDateTime(DateTime.Today);
        await host.WithDbAsync(async db =>
        {
            await db.People.Where(p => p.NationalId == gone).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PersonStatus.Retired).SetProperty(p => p.StatusDate, today.AddYears(-5).AddDays(-1)));
            return await db.People.Where(p => p.NationalId == recent).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PersonStatus.Transferred).SetProperty(p => p.StatusDate, today.AddYears(-4)));
        });

        var preview = await (await admin.GetAsync("/api/v1/admin/retention")).JsonAsync();
        Assert.Equal(5, preview.GetProperty("yearsAfterLeaving").GetInt32());
        Assert.Equal(1, preview.GetProperty("due").GetInt32());
        var areaAdmin = await host.UserAsync(Role.AreaAdmin, area);
        Assert.Equal(HttpStatusCode.Forbidden, (await areaAdmin.PostAsync("/api/v1/admin/retention/anonymise", null)).StatusCode);

        var run = await (await admin.PostAsync("/api/v1/admin/retention/anonymise", null)).JsonAsync();
        Assert.Equal(1, run.GetProperty("anonymised").GetInt32());

        var people = await host.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.AreaId == db.Areas.Single(a => a.Code == area).Id).ToListAsync());
        var anonymised = Assert.Single(people, p => p.NationalId.StartsWith('0'));
        Assert.Equal(("ก.", "ล."), (anonymised.FirstName, anonymised.LastName)); // initials; a leading vowel is skipped
        Assert.Null(anonymised.BirthDate);
        Assert.Null(anonymised.Gender);
        Assert.Equal(13, anonymised.NationalId.Length);
        Assert.Equal(PersonStatus.Retired, anonymised.Status); // what the statistics need is kept
        Assert.NotNull(anonymised.SchoolId);
        Assert.Contains(people, p => p.NationalId == recent && p.FirstName == "สุดา");
        Assert.Contains(people, p => p.NationalId == active && p.FirstName == "วิชัย");

        // Nothing in the audit log gives the name or the ID back; the anonymisation itself is there.
        var audit = await host.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(Person) && a.EntityKey == anonymised.Id.ToString()).ToListAsync());
        Assert.True(edited.IsSuccessStatusCode && audit.Count >= 3, $"{edited.StatusCode}, {audit.Count} entries");
        Assert.All(audit, a => Assert.DoesNotContain(gone, (a.Before ?? "") + (a.After ?? "")));
        Assert.All(audit, a => Assert.DoesNotContain("เกียรติศักดิ์", (a.Before ?? "") + (a.After ?? "")));
        var entry = Assert.Single(audit, a => a.Action == AuditAction.Anonymise);
        Assert.Equal(AppHost.AdminEmail, entry.UserName);
        Assert.Equal(0, await host.WithDbAsync(db => db.AuditEntries.CountAsync(a => (a.Before != null && a.Before.Contains(gone)) || (a.After != null && a.After.Contains(gone)))));

        // Once only: a second run finds no one.
        Assert.Equal(0, (await (await admin.PostAsync("/api/v1/admin/retention/anonymise", null)).JsonAsync()).GetProperty("anonymised").GetInt32());
    }

    [Fact]
    public void Initials_skip_thai_leading_vowels_and_anonymous_ids_are_no_real_id()
    {
        Assert.Equal("ส.", Retention.Initial("สมศรี"));
        Assert.Equal("ก.", Retention.Initial("เกียรติ"));
        Assert.Equal("ย.", Retention.Initial("ใยไหม"));
        Assert.Equal("J.", Retention.Initial(" Jason"));
        Assert.Equal("-", Retention.Initial("  "));
        var id = Guid.NewGuid();
        Assert.Equal(Retention.AnonymousId(id), Retention.AnonymousId(id));
        Assert.Matches("^0[0-9]{12}$", Retention.AnonymousId(id));
    }
}
