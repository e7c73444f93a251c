using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Features.Training;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Features.Plans;

/// <summary>
/// A plan's follow-up over HTTP on both databases: the progress dashboard of a year (every KPI's light in both directions,
/// live and entered, counted; projects on or behind schedule), a project's PDCA with its activities, courses run and KPI
/// results, as JSON, page, Excel and PDF; the check findings and Act written (bad input refused, nothing saved); readers
/// write nothing and another area sees nothing.
/// </summary>
public sealed partial class PlanFollowUpTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly int ThisYear = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(TimeProvider.System));
    private static readonly int LastYear = ThisYear - 1;
    private static readonly DateOnly Start = SchoolCalendar.FiscalYearStart(LastYear);

    private sealed record World(AppHost Host, string Area, HttpClient Api, Guid Plan, Guid Done, Guid Behind);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private static string Text(IDocument doc) => Spaces().Replace(doc.QuerySelector("main")!.TextContent, " ");

    /// <summary>
    /// Last year's two projects: one completed (every activity done, one late) whose course ran with one of two passing,
    /// one still "in progress" with an activity never done — behind. Four KPIs of last year: green (the course's pass rate,
    /// live), amber (entered, higher is better), red (entered, lower is better), none (TEPE, live, no assistant teachers).
    /// </summary>
    private async Task<World> ArrangeAsync(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var training = await TrainingWorld.ArrangeAsync(host);
        var (area, api) = (training.Area, training.Admin);
        var course = await training.CourseAsync("ชุมชนแห่งการเรียนรู้ทางวิชาชีพ", method: "Plc", hours: 6, passPercent: 60);
        var session = await training.SessionAsync(course, start: Iso(Start.AddDays(40)));
        var (passes, fails) = (await training.PersonAsync(firstName: "ผ่าน"), await training.PersonAsync(firstName: "ไม่ผ่าน"));
        foreach (var p in new[] { passes, fails }) await training.RegisterAsync(session, p);
        Assert.Equal(HttpStatusCode.OK, (await training.ResultsAsync(session,
            new { nationalId = passes, attended = true, preTest = 40, postTest = 80 }, new { nationalId = fails, attended = true, preTest = 40, postTest = 30 })).StatusCode);

        var plan = (await (await api.PostAsJsonAsync($"/api/v1/areas/{area}/plans", new
        {
            name = "แผนพัฒนาครู ระยะ 3 ปี", kind = "MultiYear", startFiscalYear = LastYear, endFiscalYear = ThisYear + 1,
        })).JsonAsync()).GetProperty("id").GetGuid();
        var strategy = (await (await api.PostAsJsonAsync($"/api/v1/plans/{plan}/strategies", new { number = 3, name = "ส่งเสริมการพัฒนาครู" })).JsonAsync()).GetProperty("id").GetGuid();
        async Task<Guid> Project(string name, string status, params object[] activities)
        {
            var response = await api.PostAsJsonAsync($"/api/v1/strategies/{strategy}/projects", new
            {
                name, fiscalYear = LastYear, status, objectives = $"วัตถุประสงค์ของ{name}", methods = "อบรมเชิงปฏิบัติการ", targetGroup = "ครูแกนนำ 40 คน",
                startDate = Iso(Start.AddDays(10)), endDate = Iso(Start.AddDays(200)), courses = name.Contains("PLC") ? new[] { course } : [],
                budget = new { personnel = 0, operations = 45_000, investment = 0, subsidy = 12_500, other = 0 },
            });
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/projects/{id}/activities", activities)).StatusCode);
            return id;
        }
        var done = await Project("ส่งเสริม PLC ในสถานศึกษา", "Completed",
            new { name = "ประชุมชี้แจงแนวทาง PLC", startDate = Iso(Start.AddDays(10)), endDate = Iso(Start.AddDays(12)), doneOn = Iso(Start.AddDays(12)) },
            new { name = "นิเทศติดตาม PLC", startDate = Iso(Start.AddDays(60)), endDate = Iso(Start.AddDays(90)), doneOn = Iso(Start.AddDays(100)) });
        var behind = await Project("วิจัยในชั้นเรียน", "InProgress",
            new { name = "คลินิกวิจัย", startDate = Iso(Start.AddDays(20)), endDate = Iso(Start.AddDays(50)), doneOn = (string?)null });

        async Task<Guid> Kpi(object body)
        {
            var response = await api.PostAsJsonAsync($"/api/v1/plans/{plan}/kpis", body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.JsonAsync()).GetProperty("kpis").EnumerateArray().Last().GetProperty("id").GetGuid();
        }
        await Kpi(new { name = "ร้อยละผู้ผ่านการพัฒนาในหลักสูตร PLC", unit = "Percent", project = done.ToString(), metric = "project-course-pass-rate", sortOrder = 1,
            targets = new[] { new { fiscalYear = LastYear, target = 50 } } });
        var amber = await Kpi(new { name = "ร้อยละของหน่วยงานที่จัดทำ PLC", unit = "Percent", strategy = "3", sortOrder = 2,
            targets = new[] { new { fiscalYear = LastYear, target = 80 }, new { fiscalYear = ThisYear, target = 90 } } });
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/kpis/{amber}/actuals/{LastYear}/2", new { value = 64, note = "73 จาก 114 หน่วยงาน" })).StatusCode);
        var red = await Kpi(new { name = "จำนวนวันเฉลี่ยในการอนุมัติคำขอไปอบรม", unit = "Count", direction = "LowerIsBetter", strategy = "3", sortOrder = 3,
            targets = new[] { new { fiscalYear = LastYear, target = 10 } } });
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/kpis/{red}/actuals/{LastYear}/1", new { value = 15 })).StatusCode);
        await Kpi(new { name = "ร้อยละของครูผู้ช่วยที่ผ่าน TEPE Online", unit = "Percent", strategy = "3", metric = "tepe-assistant-teachers", sortOrder = 4,
            targets = new[] { new { fiscalYear = LastYear, target = 60 } } });
        return new World(host, area, api, plan, done, behind);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_progress_of_a_year_lights_every_kpi_and_counts_projects_on_and_behind_schedule(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var progress = await (await w.Api.GetAsync($"/api/v1/plans/{w.Plan}/progress?fiscalYear={LastYear}")).JsonAsync();
        Assert.Equal(LastYear, progress.GetProperty("fiscalYear").GetInt32());
        var lights = progress.GetProperty("lights");
        Assert.Equal((1, 1, 1, 1), (lights.GetProperty("met").GetInt32(), lights.GetProperty("close").GetInt32(), lights.GetProperty("below").GetInt32(), lights.GetProperty("noResult").GetInt32()));
        var schedule = progress.GetProperty("schedule");
        Assert.Equal((2, 1, 1, 1), (schedule.GetProperty("projects").GetInt32(), schedule.GetProperty("completed").GetInt32(),
            schedule.GetProperty("onSchedule").GetInt32(), schedule.GetProperty("behind").GetInt32()));
        var projects = progress.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetGuid());
        Assert.False(projects[w.Done].GetProperty("behind").GetBoolean());
        Assert.Equal(1, projects[w.Done].GetProperty("activitiesLate").GetInt32());
        Assert.True(projects[w.Behind].GetProperty("behind").GetBoolean());
        Assert.Equal(1, projects[w.Behind].GetProperty("activitiesOverdue").GetInt32());
        JsonElement Year(string name) => progress.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("name").GetString() == name)
            .GetProperty("years").EnumerateArray().Single(y => y.GetProperty("fiscalYear").GetInt32() == LastYear);
        Assert.Equal((50m, "Green"), (Year("ร้อยละผู้ผ่านการพัฒนาในหลักสูตร PLC").GetProperty("actual").GetDecimal(), Year("ร้อยละผู้ผ่านการพัฒนาในหลักสูตร PLC").GetProperty("light").GetString()));
        Assert.Equal((80m, "Amber"), (Year("ร้อยละของหน่วยงานที่จัดทำ PLC").GetProperty("achievement").GetDecimal(), Year("ร้อยละของหน่วยงานที่จัดทำ PLC").GetProperty("light").GetString()));
        Assert.Equal((66.67m, "Red"), (Year("จำนวนวันเฉลี่ยในการอนุมัติคำขอไปอบรม").GetProperty("achievement").GetDecimal(), Year("จำนวนวันเฉลี่ยในการอนุมัติคำขอไปอบรม").GetProperty("light").GetString()));
        Assert.Equal("None", Year("ร้อยละของครูผู้ช่วยที่ผ่าน TEPE Online").GetProperty("light").GetString());

        // This year has no projects; a year outside the plan or unreadable is refused in Thai.
        var now = await (await w.Api.GetAsync($"/api/v1/plans/{w.Plan}/progress")).JsonAsync();
        Assert.Equal((ThisYear, 0), (now.GetProperty("fiscalYear").GetInt32(), now.GetProperty("projects").GetArrayLength()));
        var outside = await w.Api.GetAsync($"/api/v1/plans/{w.Plan}/progress?fiscalYear={ThisYear + 5}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.Contains("นอกช่วงของแผน", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await w.Api.GetAsync($"/api/v1/plans/{w.Plan}/progress?fiscalYear=abc")).StatusCode);

        // The page: the counts, each KPI's light, the behind project flagged and linked to its PDCA.
        var browser = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.Supervisor, w.Area), AppHost.Password);
        var (response, page) = await browser.GetAsync($"/plans/{w.Plan}/progress?fiscalYear={LastYear}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var (count, value) in new[] { ("met", "1"), ("close", "1"), ("below", "1"), ("none", "1"), ("on-schedule", "1/2"), ("behind", "1") })
            Assert.Equal(value, page.QuerySelector($"[data-count='{count}']")!.TextContent.Trim());
        var behindRow = page.QuerySelectorAll("#project-progress tbody tr").Single(r => r.TextContent.Contains("วิจัยในชั้นเรียน"));
        Assert.Contains("ล่าช้ากว่าแผน", behindRow.TextContent);
        Assert.NotNull(behindRow.QuerySelector($"a[href='/projects/{w.Behind}/pdca']"));
        Assert.Contains("ตามกำหนด", page.QuerySelectorAll("#project-progress tbody tr").Single(r => r.TextContent.Contains("ส่งเสริม PLC")).TextContent);
        Assert.Equal(4, page.QuerySelectorAll("#kpi-progress tbody tr").Length);
        Assert.NotNull(page.QuerySelector("#budget-chart"));
        var (bad, badPage) = await browser.GetAsync($"/plans/{w.Plan}/progress?fiscalYear=2400");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("แสดงปีงบประมาณ", Text(badPage));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_projects_pdca_shows_plan_do_check_and_act_as_page_excel_and_pdf(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var pdca = await (await w.Api.GetAsync($"/api/v1/projects/{w.Done}/pdca")).JsonAsync();
        Assert.Equal("ครูแกนนำ 40 คน", pdca.GetProperty("plan").GetProperty("targetGroup").GetString());
        Assert.Equal(57_500m, pdca.GetProperty("plan").GetProperty("totalBudget").GetDecimal());
        var activities = pdca.GetProperty("do").GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("progress").GetString()).ToList();
        Assert.Equal(["OnSchedule", "Late"], activities);
        var courseRun = pdca.GetProperty("do").GetProperty("courses").EnumerateArray().Single();
        Assert.Equal((2, 1), (courseRun.GetProperty("enrolled").GetInt32(), courseRun.GetProperty("passed").GetInt32()));
        var check = pdca.GetProperty("check");
        Assert.False(check.GetProperty("behind").GetBoolean());
        // The project's own KPI and its strategy's, each with its light.
        Assert.Equal(["Green", "Amber", "Red", "None"], check.GetProperty("kpis").EnumerateArray().OrderBy(k => k.GetProperty("ofProject").GetBoolean() ? 0 : 1)
            .ThenBy(k => k.GetProperty("name").GetString() switch { "ร้อยละของหน่วยงานที่จัดทำ PLC" => 1, "จำนวนวันเฉลี่ยในการอนุมัติคำขอไปอบรม" => 2, _ => 3 })
            .Select(k => k.GetProperty("light").GetString()));
        Assert.True((await (await w.Api.GetAsync($"/api/v1/projects/{w.Behind}/pdca")).JsonAsync()).GetProperty("check").GetProperty("behind").GetBoolean());

        var browser = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);
        var (response, page) = await browser.GetAsync($"/projects/{w.Done}/pdca");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(page);
        foreach (var part in new[] { "การวางแผน (Plan)", "การดำเนินงาน (Do)", "การตรวจสอบและประเมินผล (Check)", "การปรับปรุงและพัฒนา (Act)",
                     "วัตถุประสงค์ของส่งเสริม PLC ในสถานศึกษา", "นิเทศติดตาม PLC", "ชุมชนแห่งการเรียนรู้ทางวิชาชีพ", "ร้อยละของหน่วยงานที่จัดทำ PLC", "ใกล้บรรลุ" })
            Assert.Contains(part, text);

        var xlsx = await browser.Client.GetAsync($"/projects/{w.Done}/pdca?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var cells = Workbook.ReadAll(await xlsx.Content.ReadAsByteArrayAsync()).SelectMany(r => r).Select(c => c?.ToString() ?? "").ToList();
        foreach (var expected in new[] { "ส่งเสริม PLC ในสถานศึกษา", "ครูแกนนำ 40 คน", "นิเทศติดตาม PLC", "ร้อยละของหน่วยงานที่จัดทำ PLC", "ใกล้บรรลุ" })
            Assert.Contains(cells, c => c.Contains(expected));
        var pdf = await browser.Client.GetAsync($"/projects/{w.Done}/pdca?format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("PLC", Poppler.Text(await pdf.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.GetAsync($"/projects/{w.Done}/pdca?format=exe")).StatusCode);

        // The plan's PDCA of last year: both projects, one row each, in the file too.
        var plan = await (await w.Api.GetAsync($"/api/v1/plans/{w.Plan}/pdca?fiscalYear={LastYear}")).JsonAsync();
        Assert.Equal(2, plan.GetProperty("projects").GetArrayLength());
        var planXlsx = Workbook.ReadAll(await (await browser.Client.GetAsync($"/plans/{w.Plan}/pdca?fiscalYear={LastYear}&format=xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Contains(planXlsx, r => r.Any(c => c?.ToString()?.Contains("วิจัยในชั้นเรียน") == true) && r.Any(c => c?.ToString()?.Contains("ล่าช้ากว่าแผน") == true));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Check_findings_and_act_are_written_on_the_report_and_bad_input_saves_nothing(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var url = $"/projects/{w.Done}/pdca";
        var notes = () => w.Host.WithDbAsync(db => db.PlanProjects.IgnoreQueryFilters().Where(p => p.Id == w.Done).Select(p => new { p.CheckNotes, p.ActNotes }).SingleAsync());
        var browser = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);

        var tooLong = await Browserless.ParseAsync(await browser.SubmitFilledAsync(url, "#notes-form", new()
        {
            ["Notes.CheckNotes"] = new string('ก', DataSchema.TextLength + 1), ["Notes.ActNotes"] = "ปีต่อไปทำ PLC ระดับเครือข่าย",
        }));
        Assert.Contains("ยาวเกิน", tooLong.QuerySelector("[data-valmsg-for='Notes.CheckNotes']")!.TextContent);
        // The page keeps what was typed and saves none of it.
        Assert.Equal("ปีต่อไปทำ PLC ระดับเครือข่าย", tooLong.QuerySelector("#Notes_ActNotes")!.TextContent);
        Assert.Equal(new { CheckNotes = (string?)null, ActNotes = (string?)null }, await notes());

        var saved = await browser.SubmitFilledAsync(url, "#notes-form", new()
        {
            ["Notes.CheckNotes"] = "  บันทึก PLC ของโรงเรียนขนาดเล็กยังไม่สม่ำเสมอ ", ["Notes.ActNotes"] = "ปีต่อไปทำ PLC ระดับเครือข่าย",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new { CheckNotes = (string?)"บันทึก PLC ของโรงเรียนขนาดเล็กยังไม่สม่ำเสมอ", ActNotes = (string?)"ปีต่อไปทำ PLC ระดับเครือข่าย" }, await notes());
        var (_, page) = await browser.GetAsync(url);
        Assert.Contains("บันทึก PLC ของโรงเรียนขนาดเล็กยังไม่สม่ำเสมอ", Text(page));
        var xlsx = Workbook.ReadAll(await (await browser.Client.GetAsync(url + "?format=xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Contains(xlsx, r => r.Any(c => c?.ToString()?.Contains("ปีต่อไปทำ PLC ระดับเครือข่าย") == true));

        // Over the API: a stale version is a conflict, a long text a 422 naming its field; neither changes what was saved.
        var version = (await (await w.Api.GetAsync($"/api/v1/projects/{w.Done}/pdca")).JsonAsync()).GetProperty("version").GetInt32();
        var stale = await w.Api.PutAsJsonAsync($"/api/v1/projects/{w.Done}/pdca", new { checkNotes = "x", actNotes = "y", version = version - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var longAct = await w.Api.PutAsJsonAsync($"/api/v1/projects/{w.Done}/pdca", new { actNotes = new string('ข', DataSchema.TextLength + 1), version });
        Assert.Equal(["actNotes"], await longAct.ErrorFieldsAsync());
        Assert.Equal("ปีต่อไปทำ PLC ระดับเครือข่าย", (await notes()).ActNotes);
        var ok = await w.Api.PutAsJsonAsync($"/api/v1/projects/{w.Done}/pdca", new { checkNotes = "ผ่านเป้าหมาย", actNotes = (string?)null, version });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(("ผ่านเป้าหมาย", JsonValueKind.Null), ((await ok.JsonAsync()).GetProperty("checkNotes").GetString(), (await ok.JsonAsync()).GetProperty("act").ValueKind));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Readers_write_nothing_and_another_area_sees_nothing(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider);
        var url = $"/projects/{w.Done}/pdca";
        var supervisor = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.Supervisor, w.Area), AppHost.Password);
        var (response, page) = await supervisor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("#notes-form"));
        var post = await supervisor.Client.PostAsync(url + "?handler=Notes", await supervisor.TokenFormAsync(url, new() { ["Notes.CheckNotes"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await w.Host.UserAsync(Role.Supervisor, w.Area)).PutAsJsonAsync($"/api/v1/projects/{w.Done}/pdca", new { checkNotes = "x" })).StatusCode);
        var director = await w.Host.UserAsync(Role.SchoolAdmin, w.Area, await w.Host.SchoolAsync(w.Area));
        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/api/v1/plans/{w.Plan}/progress")).StatusCode);

        var other = await w.Host.AreaAsync();
        var foreign = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.AreaAdmin, other), AppHost.Password);
        foreach (var page2 in new[] { url, url + "?format=xlsx", $"/plans/{w.Plan}/progress", $"/plans/{w.Plan}/pdca" })
            Assert.Equal(HttpStatusCode.NotFound, (await foreign.Client.GetAsync(page2)).StatusCode);
        var foreignApi = await w.Host.UserAsync(Role.AreaAdmin, other);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignApi.GetAsync($"/api/v1/plans/{w.Plan}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreignApi.PutAsJsonAsync($"/api/v1/projects/{w.Done}/pdca", new { checkNotes = "x" })).StatusCode);
        Assert.Null((await w.Host.WithDbAsync(db => db.PlanProjects.IgnoreQueryFilters().SingleAsync(p => p.Id == w.Done))).CheckNotes);
    }
}
