using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Assessment;

namespace Phatthana.Tests.Features.Assessment;

/// <summary>
/// The self-assessment pages over HTTP on both databases: a round started from the form (bad input refused in Thai, nothing
/// saved), items answered on the indicator page with the level following the rule, responsibility assigned, the round
/// submitted (read-only), reopened with a reason by area staff only, reviewed by an assessor, compared with the last
/// round, and who may see or do what (another role, another area).
/// </summary>
public sealed partial class AssessmentPagesTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static string Text(IDocument doc) => Spaces().Replace(doc.QuerySelector("main")?.TextContent ?? doc.Body!.TextContent, " ");

    private static string Message(IDocument doc, string field) => doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    private static string Errors(IDocument doc) => string.Join(" ", doc.QuerySelectorAll(".validation-summary-errors li").Select(e => e.TextContent));

    /// <summary>A framework of two count-rule indicators (2 and 3 items) added through the API; its code.</summary>
    private static async Task<string> FrameworkAsync(AppHost host)
    {
        var code = $"P-{Unique.PositionNumber()}";
        var levels = new[] { new { level = 3, minClear = 2 }, new { level = 2, minClear = 1 }, new { level = 1, minClear = 0 } };
        var created = await (await host.AdminAsync()).PostAsJsonAsync("/api/v1/frameworks", new
        {
            code, name = "กรอบทดสอบหน้าการประเมินตนเอง",
            standards = new[]
            {
                new
                {
                    number = 1, name = "การบริหารจัดการองค์การสู่ความเป็นเลิศ",
                    indicators = new object[]
                    {
                        new { number = 1, name = "การบริหารจัดการที่ดี", rule = new { kind = "Count", levels }, items = new[] { new { number = 1, text = "มีแผนปฏิบัติการประจำปี" }, new { number = 2, text = "มีการติดตามผลการดำเนินงาน" } } },
                        new { number = 2, name = "การพัฒนาสู่องค์การแห่งการเรียนรู้", rule = new { kind = "Count", levels }, items = Enumerable.Range(1, 3).Select(n => new { number = n, text = $"การเรียนรู้ข้อ {n}" }).ToArray() },
                    },
                },
            },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return code;
    }

    private static async Task<Guid> RoundAsync(HttpClient api, string area, string framework, string name, string start, string end)
    {
        var created = await api.PostAsJsonAsync($"/api/v1/areas/{area}/assessment-rounds", new { framework, name, startDate = start, endDate = end });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static string Indicator(Guid round, string key) => $"/assessment-rounds/{round}/indicators/{key}";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_round_is_started_from_the_form_with_some_indicators_and_bad_input_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var framework = await FrameworkAsync(host);
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var rounds = () => host.WithDbAsync(db => db.AssessmentRounds.IgnoreQueryFilters().CountAsync(r => r.Framework!.Code == framework));

        var bad = await browser.SubmitAsync($"/areas/{area}/assessment/new", "form.form", new()
        {
            ["Form.Framework"] = framework, ["Form.Name"] = "", ["Form.StartDate"] = "31/02/2569", ["Form.EndDate"] = "01/01/2569",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await Browserless.ParseAsync(bad);
        Assert.Contains("ชื่อรอบการประเมิน", Message(doc, "Form.Name"));
        Assert.Contains("ไม่ใช่วันที่ที่อ่านได้", Message(doc, "Form.StartDate"));
        Assert.Contains("อย่างน้อยหนึ่งตัว", Message(doc, "Form.Indicators"));
        var backwards = await Browserless.ParseAsync(await browser.SubmitAsync($"/areas/{area}/assessment/new", "form.form", new()
        {
            ["Form.Framework"] = framework, ["Form.Name"] = "ครั้งที่ 1/2569", ["Form.StartDate"] = "01/10/2568", ["Form.EndDate"] = "01/09/2568", ["Form.Indicators"] = "1.2",
        }));
        Assert.Contains("วันสิ้นสุดต้องไม่ก่อนวันเริ่ม", Message(backwards, "Form.EndDate"));
        var unknown = await Browserless.ParseAsync(await browser.SubmitAsync($"/areas/{area}/assessment/new", "form.form", new()
        {
            ["Form.Framework"] = framework, ["Form.Name"] = "ครั้งที่ 1/2569", ["Form.StartDate"] = "01/10/2568", ["Form.EndDate"] = "31/03/2569", ["Form.Indicators"] = "9.9",
        }));
        Assert.Contains("ไม่มีตัวชี้วัด \"9.9\"", Message(unknown, "Form.Indicators"));
        Assert.Equal(0, await rounds());

        // The form offers this framework's indicators, every one ticked.
        var (_, form) = await browser.GetAsync($"/areas/{area}/assessment/new?framework={framework}");
        Assert.Equal(["1.1", "1.2"], form.QuerySelectorAll("input[name='Form.Indicators'][checked]").Select(i => i.GetAttribute("value")!));
        // Choosing it in the list asks the same page for its indicators under the select's own name (htmx).
        var (_, swapped) = await browser.GetAsync($"/areas/{area}/assessment/new?Form.Framework={framework}");
        Assert.Equal(2, swapped.QuerySelectorAll("#indicators input[name='Form.Indicators']").Length);

        var good = await browser.SubmitAsync($"/areas/{area}/assessment/new", "form.form", new()
        {
            ["Form.Framework"] = framework, ["Form.Name"] = "ครั้งที่ 1/2569", ["Form.StartDate"] = "01/10/2568", ["Form.EndDate"] = "31/03/2569", ["Form.Indicators"] = "1.2",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var round = await host.WithDbAsync(db => db.AssessmentRounds.IgnoreQueryFilters().SingleAsync(r => r.Framework!.Code == framework));
        Assert.Equal(($"/assessment-rounds/{round.Id}", new DateOnly(2025, 10, 1), new DateOnly(2026, 3, 31)), (good.Headers.Location!.OriginalString, round.StartDate, round.EndDate));
        Assert.Equal(["1.2"], await host.WithDbAsync(db => db.RoundIndicators.IgnoreQueryFilters().Where(i => i.RoundId == round.Id).Select(i => i.IndicatorKey).ToListAsync()));

        // The list shows it, and exports it.
        var (_, list) = await browser.GetAsync($"/areas/{area}/assessment");
        Assert.Contains("ครั้งที่ 1/2569", Text(list));
        Assert.Contains("กำลังดำเนินการ", Text(list));
        var file = await browser.Client.GetAsync($"/areas/{area}/assessment?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains(Workbook.Read(await file.Content.ReadAsByteArrayAsync()), row => row.Contains("ครั้งที่ 1/2569"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Items_are_answered_on_the_indicator_page_the_level_follows_and_bad_answers_change_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var framework = await FrameworkAsync(host);
        var api = await host.UserAsync(Role.AreaAdmin, area);
        var round = await RoundAsync(api, area, framework, "ครั้งที่ 1/2569", "2025-10-01", "2026-03-31");
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Supervisor, area), AppHost.Password);
        var page = Indicator(round, "1.1");

        var (_, before) = await browser.GetAsync(page);
        Assert.Equal("1", before.QuerySelector("[data-testid=level]")!.TextContent);
        var saved = await browser.SubmitAsync(page, "#item-1 form.item-form", new()
        {
            ["Item.Number"] = "1", ["Item.Done"] = "true", ["Item.Evidence"] = "Clear", ["Item.Results"] = "จัดทำแผนปฏิบัติการประจำปีแล้ว", ["Item.Problems"] = "งบประมาณล่าช้า",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(page + "#item-1", saved.Headers.Location!.OriginalString);
        var (_, after) = await browser.GetAsync(page);
        Assert.Equal("2", after.QuerySelector("[data-testid=level]")!.TextContent);
        Assert.Equal("ชัดเจน 1 จาก 2 ข้อ → ระดับ 2", after.QuerySelector("[data-testid=level-reason]")!.TextContent);
        Assert.Contains("งบประมาณล่าช้า", after.QuerySelector("#item-1 dl.narrative")!.TextContent);

        // Bad answers: an evidence value outside the list, evidence on an item not done, text over the limit, an item that is not there.
        var entry = () => host.WithDbAsync(db => db.ItemEntries.IgnoreQueryFilters().SingleAsync(e => e.RoundId == round && e.IndicatorKey == "1.1" && e.ItemNumber == 1));
        var unknown = await Browserless.ParseAsync(await browser.SubmitAsync(page, "#item-1 form.item-form", new() { ["Item.Number"] = "1", ["Item.Done"] = "true", ["Item.Evidence"] = "Bogus" }));
        Assert.Contains("ไม่รู้จักความชัดเจนของหลักฐาน", Message(unknown, "Item.Evidence"));
        var notDone = await Browserless.ParseAsync(await browser.SubmitAsync(page, "#item-1 form.item-form", new() { ["Item.Number"] = "1", ["Item.Done"] = "false", ["Item.Evidence"] = "Clear" }));
        Assert.Contains("ยังไม่ได้ดำเนินการต้องไม่มีหลักฐาน", Message(notDone, "Item.Evidence"));
        var tooLong = await Browserless.ParseAsync(await browser.SubmitAsync(page, "#item-1 form.item-form", new()
        {
            ["Item.Number"] = "1", ["Item.Done"] = "true", ["Item.Evidence"] = "Clear", ["Item.Approach"] = new string('ก', 5000),
        }));
        Assert.Contains("แนวทางการพัฒนา", Message(tooLong, "Item.Approach"));
        var missing = await Browserless.ParseAsync(await browser.SubmitAsync(page, "#item-1 form.item-form", new() { ["Item.Number"] = "7", ["Item.Done"] = "true", ["Item.Evidence"] = "Clear" }));
        Assert.Contains("ไม่มีประเด็นการพิจารณาข้อ \"7\"", Errors(missing));
        Assert.Equal((true, EvidenceClarity.Clear, (string?)null), ((await entry()).Done, (await entry()).Evidence, (await entry()).Approach));
        Assert.Equal(1, await host.WithDbAsync(db => db.ItemEntries.IgnoreQueryFilters().CountAsync(e => e.RoundId == round)));

        // An indicator that is not in the framework is not a page.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(Indicator(round, "9.9"))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Responsibility_is_assigned_by_division_and_a_bad_due_date_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var framework = await FrameworkAsync(host);
        var api = await host.UserAsync(Role.AreaAdmin, area);
        var division = await api.PostAsJsonAsync($"/api/v1/areas/{area}/divisions", new { name = "กลุ่มนโยบายและแผน" });
        Assert.Equal(HttpStatusCode.Created, division.StatusCode);
        var round = await RoundAsync(api, area, framework, "ครั้งที่ 1/2569", "2025-10-01", "2026-03-31");
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var page = Indicator(round, "1.2");
        var (_, form) = await browser.GetAsync(page);
        var divisionId = form.QuerySelectorAll("#Assign_Division option").Single(o => o.TextContent == "กลุ่มนโยบายและแผน").GetAttribute("value")!;
        var stored = () => host.WithDbAsync(db => db.RoundIndicators.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.RoundId == round && i.IndicatorKey == "1.2"));

        var bad = await Browserless.ParseAsync(await browser.SubmitFilledAsync(page, "#assignment form", new()
        {
            ["Assign.Division"] = divisionId, ["Assign.ResponsiblePerson"] = "นางวรรณา พึ่งทอง", ["Assign.DueDate"] = "32/13/2569",
        }));
        Assert.Contains("ไม่ใช่วันที่ที่อ่านได้", Message(bad, "Assign.DueDate"));
        Assert.Null((await stored()).ResponsiblePerson);

        // The list's value is the division's id: it is found on both databases (SQLite keeps ids in upper case).
        var good = await browser.SubmitFilledAsync(page, "#assignment form", new()
        {
            ["Assign.Division"] = divisionId, ["Assign.ResponsiblePerson"] = "นางวรรณา พึ่งทอง", ["Assign.DueDate"] = "15/03/2569",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var saved = await stored();
        Assert.Equal((Guid.Parse(divisionId), "นางวรรณา พึ่งทอง", new DateOnly(2026, 3, 15)), (saved.DivisionId!.Value, saved.ResponsiblePerson, saved.DueDate!.Value));
        var (_, overview) = await browser.GetAsync($"/assessment-rounds/{round}");
        Assert.Contains("กลุ่มนโยบายและแผน · นางวรรณา พึ่งทอง", Text(overview));
        // An unknown division is refused by name too.
        var foreign = await Browserless.ParseAsync(await browser.SubmitFilledAsync(page, "#assignment form", new() { ["Assign.Division"] = Guid.NewGuid().ToString() }));
        Assert.Contains("ไม่พบกลุ่มงาน", Message(foreign, "Assign.Division"));
        Assert.Equal(Guid.Parse(divisionId), (await stored()).DivisionId);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Submitted_from_the_page_the_round_is_read_only_until_area_staff_reopen_it_with_a_reason(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var framework = await FrameworkAsync(host);
        var api = await host.UserAsync(Role.AreaAdmin, area);
        var round = await RoundAsync(api, area, framework, "ครั้งที่ 1/2569", "2025-10-01", "2026-03-31");
        var supervisor = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Supervisor, area), AppHost.Password);
        var admin = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);

        // Not yet submitted: closing and reopening are not offered.
        var (_, closeFirst) = await admin.GetAsync($"/assessment-rounds/{round}/close");
        Assert.Contains("ต้องส่งก่อนจึงปิดได้", Text(closeFirst));
        Assert.Null(closeFirst.QuerySelector("main form"));

        var submitted = await supervisor.SubmitAsync($"/assessment-rounds/{round}/submit", "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(RoundStatus.Submitted, await host.WithDbAsync(db => db.AssessmentRounds.IgnoreQueryFilters().Where(r => r.Id == round).Select(r => r.Status).SingleAsync()));

        // Read-only: no item forms, and an item posted anyway is refused with nothing saved.
        var (_, page) = await supervisor.GetAsync(Indicator(round, "1.1"));
        Assert.Empty(page.QuerySelectorAll("form.item-form"));
        Assert.Contains(Rounds.ReadOnly, Text(page));
        var late = await supervisor.Client.PostAsync(Indicator(round, "1.1") + "?handler=Item", await supervisor.TokenFormAsync(Indicator(round, "1.1"), new()
        {
            ["Item.Number"] = "1", ["Item.Done"] = "true", ["Item.Evidence"] = "Clear",
        }));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains(Rounds.ReadOnly, Errors(await Browserless.ParseAsync(late)));
        Assert.Equal(0, await host.WithDbAsync(db => db.ItemEntries.IgnoreQueryFilters().CountAsync(e => e.RoundId == round)));

        // A supervisor may not reopen; area staff must give a reason, which the audit log keeps.
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Client.GetAsync($"/assessment-rounds/{round}/reopen")).StatusCode);
        var noReason = await admin.SubmitAsync($"/assessment-rounds/{round}/reopen", "main form", new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("เหตุผลที่เปิดรอบอีกครั้ง", Message(await Browserless.ParseAsync(noReason), "Reason"));
        var reopened = await admin.SubmitAsync($"/assessment-rounds/{round}/reopen", "main form", new() { ["Reason"] = "แนบหลักฐานการประชุมที่ตกหล่น" });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var (_, again) = await admin.GetAsync($"/assessment-rounds/{round}");
        Assert.Contains("เปิดรอบอีกครั้งเพื่อแก้ไข: แนบหลักฐานการประชุมที่ตกหล่น", Text(again));
        var audit = await (await host.AdminAsync()).GetAsync($"/api/v1/audit?entity=AssessmentRound&key={round}");
        Assert.Contains("แนบหลักฐานการประชุมที่ตกหล่น", await audit.Content.ReadAsStringAsync());

        // Submitted again and closed, it cannot be reopened.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/assessment-rounds/{round}/submit", "main form", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/assessment-rounds/{round}/close", "main form", [])).StatusCode);
        var (_, closed) = await admin.GetAsync($"/assessment-rounds/{round}/reopen");
        Assert.Contains("ปิดแล้ว จึงเปิดอีกไม่ได้", Text(closed));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_assessor_reviews_on_the_page_and_the_next_round_shows_the_levels_moving(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var framework = await FrameworkAsync(host);
        var api = await host.UserAsync(Role.AreaAdmin, area);
        var first = await RoundAsync(api, area, framework, "ครั้งที่ 1/2569", "2025-10-01", "2026-03-31");
        foreach (var item in new[] { 1, 2 })
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/assessment-rounds/{first}/items/1.1/{item}", new { done = true, evidence = "Clear" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/assessment-rounds/{first}/submit", new { })).StatusCode);

        var assessor = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, area), AppHost.Password);
        var page = Indicator(first, "1.1");
        // The assessor's level differs from the office's 3: a reason is required.
        var noReason = await Browserless.ParseAsync(await assessor.SubmitAsync(page, "#review form", new() { ["Review.Comment"] = "หลักฐานข้อ 2 ยังไม่ครบ", ["Review.AgreedLevel"] = "2" }));
        Assert.Contains("กรุณาระบุเหตุผล", Message(noReason, "Review.Reason"));
        Assert.Null(await host.WithDbAsync(db => db.RoundIndicators.IgnoreQueryFilters().Where(i => i.RoundId == first && i.IndicatorKey == "1.1").Select(i => i.AgreedLevel).SingleAsync()));
        var outOfRange = await Browserless.ParseAsync(await assessor.SubmitAsync(page, "#review form", new() { ["Review.AgreedLevel"] = "9", ["Review.Reason"] = "x" }));
        Assert.Contains("ระหว่าง 0 ถึง 3", Message(outOfRange, "Review.AgreedLevel"));
        var reviewed = await assessor.SubmitAsync(page, "#review form", new()
        {
            ["Review.Comment"] = "หลักฐานข้อ 2 ยังไม่ครบ", ["Review.AgreedLevel"] = "2", ["Review.Reason"] = "รายงานการติดตามผลไม่ครบทุกไตรมาส",
        });
        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var (_, after) = await assessor.GetAsync(page);
        Assert.Contains("ผู้ประเมินเห็นชอบระดับ 2 — รายงานการติดตามผลไม่ครบทุกไตรมาส", Text(after));
        Assert.Equal("3", after.QuerySelector("[data-testid=level]")!.TextContent);
        // An assessor answers no items; a supervisor reviews nothing.
        Assert.Empty(after.QuerySelectorAll("form.item-form"));
        var supervisor = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Supervisor, area), AppHost.Password);
        Assert.Null((await supervisor.GetAsync(page)).Document.QuerySelector("#review form"));
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Client.PostAsync(page + "?handler=Review", await supervisor.TokenFormAsync(page, new() { ["Review.AgreedLevel"] = "1" }))).StatusCode);

        // The next round: 1.1 falls to 2, 1.2 rises from 1 to 2.
        var second = await RoundAsync(api, area, framework, "ครั้งที่ 2/2569", "2026-04-01", "2026-09-30");
        await api.PutAsJsonAsync($"/api/v1/assessment-rounds/{second}/items/1.1/1", new { done = true, evidence = "Clear" });
        await api.PutAsJsonAsync($"/api/v1/assessment-rounds/{second}/items/1.2/1", new { done = true, evidence = "ClearAndVerified" });
        var (_, overview) = await assessor.GetAsync($"/assessment-rounds/{second}");
        var rows = overview.QuerySelectorAll("main table tbody tr").Select(r => Spaces().Replace(r.TextContent, " ")).ToList();
        Assert.Contains("เทียบกับรอบก่อน: ครั้งที่ 1/2569", Text(overview));
        Assert.Contains("▼ 3", rows.Single(r => r.Contains("1.1 การบริหารจัดการที่ดี")));
        Assert.Contains("▲ 1", rows.Single(r => r.Contains("1.2 การพัฒนาสู่องค์การแห่งการเรียนรู้")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_pages_are_the_area_staffs_and_assessors_and_another_area_sees_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var school = await host.SchoolAsync(area);
        var framework = await FrameworkAsync(host);
        var round = await RoundAsync(await host.UserAsync(Role.AreaAdmin, area), area, framework, "ครั้งที่ 1/2569", "2025-10-01", "2026-03-31");
        var pages = new[] { $"/areas/{area}/assessment", $"/assessment-rounds/{round}", Indicator(round, "1.1") };

        var assessor = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, area), AppHost.Password);
        foreach (var url in pages) Assert.Equal(HttpStatusCode.OK, (await assessor.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.Client.GetAsync($"/areas/{area}/assessment/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.Client.GetAsync($"/assessment-rounds/{round}/submit")).StatusCode);

        foreach (var role in new[] { Role.Teacher, Role.SchoolAdmin })
        {
            var user = await Browserless.SignInAsync(host, await host.UserAccountAsync(role, area, school), AppHost.Password);
            foreach (var url in pages) Assert.Equal(HttpStatusCode.Forbidden, (await user.Client.GetAsync(url)).StatusCode);
        }

        var otherArea = await host.AreaAsync();
        var foreign = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, otherArea), AppHost.Password);
        foreach (var url in pages) Assert.Equal(HttpStatusCode.NotFound, (await foreign.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.Client.GetAsync($"/assessment-rounds/{round}/submit")).StatusCode);
        // Their own list does not show this area's round.
        var (_, theirs) = await foreign.GetAsync($"/areas/{otherArea}/assessment");
        Assert.DoesNotContain("ครั้งที่ 1/2569", Text(theirs));
    }


    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
