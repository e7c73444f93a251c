using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;

namespace Phatthana.Tests.Features.Development;

/// <summary>
/// The catalogue and survey pages through HTTP on both databases: the default set from an empty tab, a bad form answered
/// under its field with nothing saved, a used competency's delete page saying why and retiring instead, an unused one
/// deleted after the question; a survey started from its form; the short form saved, refused for a bad row under that
/// row, and refused with a link for someone whose plan answers.
/// </summary>
public sealed class CatalogueAndSurveyPageTests(AppHosts hosts) : ProviderTests(hosts)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Area_staff_start_edit_retire_and_delete_the_catalogue_on_its_pages(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var staff = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var page = $"/areas/{area}/development/competencies";

        var (_, empty) = await staff.GetAsync(page + "?group=Administrators");
        Assert.Contains("ยังไม่มีสมรรถนะ", empty.QuerySelector("[role=status]")!.TextContent);
        var defaults = await staff.SubmitAsync(page + "?group=Administrators", "form[action*=Defaults]", new());
        Assert.Equal(HttpStatusCode.Redirect, defaults.StatusCode);
        var (_, filled) = await staff.GetAsync(page + "?group=Administrators");
        Assert.Contains("การมีวิสัยทัศน์", filled.Body!.TextContent);
        // Only the asked group got its set.
        Assert.Equal(0, await host.WithDbAsync(db => db.Competencies.CountAsync(c => c.Group == Phatthana.Web.Features.Development.PositionGroup.Teachers
            && db.Areas.Any(a => a.Id == c.AreaId && a.Code == area))));

        // A bad form: the message under its field, nothing saved.
        var bad = await staff.SubmitAsync(page + "/new?group=Teachers", "form.form", new()
        {
            ["Input.Code"] = "T1", ["Input.Name"] = "", ["Input.Kind"] = "Core", ["Input.ExpectedLevel"] = "9", ["Input.Active"] = "true",
        });
        var badPage = await Browserless.ParseAsync(bad);
        Assert.Equal("กรุณากรอกชื่อสมรรถนะ", badPage.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent.Trim());
        Assert.Equal("ระดับที่คาดหวังต้องเป็น 1 ถึง 5", badPage.QuerySelector("[data-valmsg-for='Input.ExpectedLevel']")!.TextContent.Trim());
        var created = await staff.SubmitAsync(page + "/new?group=Teachers", "form.form", new()
        {
            ["Input.Code"] = "T1", ["Input.Name"] = "การสอนแบบโครงงาน", ["Input.Kind"] = "Functional", ["Input.ExpectedLevel"] = "3", ["Input.Active"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var competency = await host.WithDbAsync(db => db.Competencies.SingleAsync(c => c.Code == "T1" && db.Areas.Any(a => a.Id == c.AreaId && a.Code == area)));

        // Used by a plan: the delete page says why and retires instead.
        var teacher = await host.PersonAsync(area, school);
        var api = await host.UserAsync(Role.AreaAdmin, area);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/people/{teacher}/id-plans/2570", new { competencies = new[] { new { competency = "T1", level = 2 } } })).StatusCode);
        var deleteUrl = $"{page}/{competency.Id}/delete";
        var (_, asked) = await staff.GetAsync(deleteUrl);
        Assert.Contains("แผนพัฒนาตนเอง 1 แผนประเมินสมรรถนะนี้แล้ว", asked.QuerySelector(".danger-zone")!.TextContent);
        Assert.Null(asked.QuerySelector(".btn-danger"));
        var retired = await staff.SubmitAsync(deleteUrl, "form[action*=Retire]", new());
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.False(await host.WithDbAsync(db => db.Competencies.Where(c => c.Id == competency.Id).Select(c => c.Active).SingleAsync()));
        var (_, list) = await staff.GetAsync(page + "?group=Teachers");
        Assert.Contains("เลิกใช้แล้ว", string.Join(" ", list.QuerySelectorAll("tbody").Select(t => t.TextContent)));

        // Unused: asked first, then gone.
        var topic = await staff.SubmitAsync($"/areas/{area}/development/topics/new?group=Teachers", "form.form", new() { ["Input.Name"] = "การสอนอ่านแบบแจกลูก", ["Input.Active"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, topic.StatusCode);
        var topicId = await host.WithDbAsync(db => db.DevelopmentTopics.Where(t => t.Name == "การสอนอ่านแบบแจกลูก" && db.Areas.Any(a => a.Id == t.AreaId && a.Code == area)).Select(t => t.Id).SingleAsync());
        var (_, question) = await staff.GetAsync($"/areas/{area}/development/topics/{topicId}/delete");
        Assert.Contains("ต้องการลบ", question.QuerySelector(".danger-zone")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/areas/{area}/development/topics/{topicId}/delete", ".danger-zone form", [])).StatusCode);
        Assert.False(await host.WithDbAsync(db => db.DevelopmentTopics.AnyAsync(t => t.Id == topicId)));

        // Others read it but have no forms; the editor pages are not theirs.
        var reader = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Supervisor, area), AppHost.Password);
        var (read, readPage) = await reader.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Empty(readPage.QuerySelectorAll("a[href$='/competencies/new?group=Teachers']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.Client.GetAsync(page + "/new")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_survey_is_started_on_its_form_and_the_short_form_is_answered_refused_and_replaced(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var api = await host.UserAsync(Role.AreaAdmin, area);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/areas/{area}/competencies/defaults", null)).StatusCode);
        var staff = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);

        var badSurvey = await staff.SubmitAsync($"/areas/{area}/development/surveys/new", "form.form", new()
        {
            ["Input.Name"] = "สำรวจ 2570", ["Input.FiscalYear"] = "2570", ["Input.OpensOn"] = "31/02/2569",
        });
        Assert.Contains("ไม่ใช่วันที่ที่อ่านได้", (await Browserless.ParseAsync(badSurvey)).QuerySelector("[data-valmsg-for='Input.OpensOn']")!.TextContent);
        var made = await staff.SubmitAsync($"/areas/{area}/development/surveys/new", "form.form", new()
        {
            ["Input.Name"] = "สำรวจความต้องการ 2570", ["Input.FiscalYear"] = "2570", ["Input.TargetPositions"] = "Teacher",
        });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var surveyUrl = made.Headers.Location!.OriginalString;
        var survey = surveyUrl.Split('/')[^1];

        var teacher = await host.PersonAsync(area, school, firstName: "ตอบเอง");
        var teacherId = await host.WithDbAsync(db => db.People.Where(p => p.NationalId == teacher).Select(p => p.Id).SingleAsync());
        var self = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Teacher, area, school, teacher), AppHost.Password);
        var (_, mine) = await self.GetAsync("/me/needs-surveys");
        var link = mine.QuerySelector($"a[href*='/needs-surveys/{survey}/respond/']")?.GetAttribute("href") ?? throw new InvalidOperationException(mine.Body!.TextContent);
        Assert.Equal($"/needs-surveys/{survey}/respond/{teacherId}", link);
        var (_, form) = await self.GetAsync(link);
        var topics = form.QuerySelectorAll("select[name='Rows[0].Topic'] option").Select(o => o.GetAttribute("value")).Where(v => v is { Length: > 0 }).ToList();

        // As a browser sends it (every row, blank or not): the same topic in rows 1 and 3, the message under row 3, nothing saved.
        var twice = await self.SubmitFilledAsync(link, "form.form", new() { ["Rows[0].Topic"] = topics[0]!, ["Rows[2].Topic"] = topics[0]! });
        Assert.Contains("ซ้ำกัน", (await Browserless.ParseAsync(twice)).QuerySelector("[data-valmsg-for='Rows[2].Topic']")!.TextContent);
        Assert.Equal(0, await host.WithDbAsync(db => db.NeedResponses.CountAsync(r => r.PersonId == teacherId)));
        var saved = await self.SubmitFilledAsync(link, "form.form", new() { ["Rows[0].Topic"] = topics[0]!, ["Rows[0].Methods"] = "Workshop", ["Rows[1].Topic"] = topics[1]! });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Saved again: replaced, priorities from the rows.
        Assert.Equal(HttpStatusCode.Redirect, (await self.SubmitFilledAsync(link, "form.form", new() { ["Rows[0].Topic"] = topics[2]!, ["Rows[1].Topic"] = "", ["Rows[0].Methods"] = "Plc", ["Rows[3].Topic"] = topics[1]! })).StatusCode);
        var rows = await host.WithDbAsync(db => db.NeedResponses.Where(r => r.PersonId == teacherId).OrderBy(r => r.Priority).Select(r => new { r.TopicId, r.Priority }).ToListAsync());
        Assert.Equal([(topics[2], 1), (topics[1], 4)], rows.Select(r => ((string?)r.TopicId.ToString(), r.Priority)));

        // The survey page counts them; a handed-in plan then answers for them, and the form says so with a link.
        var (_, follow) = await staff.GetAsync(surveyUrl + "?answer=Form");
        Assert.Contains("นางสาวตอบเอง ทดสอบ", follow.QuerySelector("tbody")!.TextContent);
        var catalogue = await (await api.GetAsync($"/api/v1/areas/{area}/competencies?group=Teachers")).JsonAsync();
        var plan = $"/api/v1/people/{teacher}/id-plans/2570";
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(plan, new
        {
            competencies = catalogue.GetProperty("competencies").EnumerateArray().Select(c => new { competency = c.GetProperty("code").GetString(), level = 3 }).ToArray(),
            needs = new[] { new { topic = topics[0], priority = 1 } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync(plan + "/submit", new { })).StatusCode);
        var (_, answered) = await self.GetAsync(link);
        Assert.Contains("นับเป็นคำตอบของแบบสำรวจนี้แล้ว", answered.QuerySelector(".alert-warn")!.TextContent);
        Assert.Equal($"/people/{teacherId}/id-plans/2570", answered.QuerySelector(".alert-warn a")!.GetAttribute("href"));
        Assert.Null(answered.QuerySelector("form.form"));
        var (_, counted) = await staff.GetAsync(surveyUrl + "?answer=Plan");
        Assert.Contains("นางสาวตอบเอง ทดสอบ", counted.QuerySelector("tbody")!.TextContent);
    }
}
