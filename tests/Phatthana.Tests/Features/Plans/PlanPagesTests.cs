using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Features.Plans;

/// <summary>
/// The plan pages over HTTP on both databases: a plan, a strategy, a project and a KPI added through the forms (bad input
/// refused in Thai under its field, nothing saved); the project's details and activities edited; the plan's table as files;
/// readers see no forms and post nothing.
/// </summary>
public sealed partial class PlanPagesTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly int ThisYear = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(TimeProvider.System));

    private static string Message(IDocument doc, string field) => doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    private static string Text(IDocument doc) => Spaces().Replace(doc.QuerySelector("main")!.TextContent, " ");

    [Theory, MemberData(nameof(Providers))]
    public async Task A_plan_is_built_through_its_forms_and_bad_input_saves_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var browser = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, area), AppHost.Password);
        var plans = () => host.WithDbAsync(db => db.DevelopmentPlans.IgnoreQueryFilters().CountAsync(p => db.Areas.Any(a => a.Id == p.AreaId && a.Code == area)));

        var bad = await Browserless.ParseAsync(await browser.SubmitAsync($"/areas/{area}/plans", "main form.form", new()
        {
            ["Form.Name"] = "", ["Form.Kind"] = "MultiYear", ["Form.StartFiscalYear"] = ThisYear.ToString(), ["Form.EndFiscalYear"] = (ThisYear + 9).ToString(),
        }));
        Assert.Contains("ชื่อแผน", Message(bad, "Form.Name"));
        Assert.Contains("2 ถึง 5 ปีงบประมาณ", Message(bad, "Form.EndFiscalYear"));
        Assert.Equal(0, await plans());
        var created = await browser.SubmitAsync($"/areas/{area}/plans", "main form.form", new()
        {
            ["Form.Name"] = "แผนพัฒนาครู ระยะ 3 ปี", ["Form.Kind"] = "MultiYear", ["Form.StartFiscalYear"] = ThisYear.ToString(), ["Form.EndFiscalYear"] = (ThisYear + 2).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;

        // A strategy: a number taken is refused.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, "#strategy-form", new() { ["NewStrategy.Number"] = "3", ["NewStrategy.Name"] = "ส่งเสริมการพัฒนาครู" })).StatusCode);
        var taken = await Browserless.ParseAsync(await browser.SubmitAsync(page, "#strategy-form", new() { ["NewStrategy.Number"] = "3", ["NewStrategy.Name"] = "ซ้ำ" }));
        Assert.Contains("มียุทธศาสตร์ที่ 3 แล้ว", Message(taken, "NewStrategy.Number"));

        // A KPI: a percentage above 100, then a good one with a target for each year.
        var (_, form) = await browser.GetAsync(page);
        var strategy = form.QuerySelector("#kpi-form select[name='NewKpi.Strategy'] option[value]:not([value=''])")!.GetAttribute("value")!;
        var over = await Browserless.ParseAsync(await browser.SubmitAsync(page, "#kpi-form", new()
        {
            ["NewKpi.Name"] = "ร้อยละของครูที่ทำ PLC", ["NewKpi.Unit"] = "Percent", ["NewKpi.Direction"] = "HigherIsBetter", ["NewKpi.Strategy"] = strategy,
            ["NewKpi.Targets[0]"] = "60", ["NewKpi.Targets[1]"] = "170",
        }));
        Assert.Contains("ระหว่าง 0 ถึง 100", Message(over, "NewKpi.Targets[1].Target"));
        Assert.Equal(0, await host.WithDbAsync(db => db.Kpis.IgnoreQueryFilters().CountAsync(k => k.Name == "ร้อยละของครูที่ทำ PLC")));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(page, "#kpi-form", new()
        {
            ["NewKpi.Name"] = "ร้อยละของครูที่ทำ PLC", ["NewKpi.Unit"] = "Percent", ["NewKpi.Direction"] = "HigherIsBetter", ["NewKpi.Strategy"] = strategy,
            ["NewKpi.Targets[0]"] = "60", ["NewKpi.Targets[1]"] = "70", ["NewKpi.Targets[2]"] = "80",
        })).StatusCode);
        var (_, table) = await browser.GetAsync(page);
        Assert.Contains("ร้อยละของครูที่ทำ PLC", Text(table));
        Assert.Contains("เป้า ร้อยละ 80", Text(table));

        // A project, then its details: a negative budget and an unreadable date are refused, good ones saved.
        var project = await browser.SubmitAsync(page, "#project-form", new() { ["NewProject.Strategy"] = strategy, ["NewProject.Name"] = "ส่งเสริม PLC ในสถานศึกษาผ่านแบบฟอร์ม", ["NewProject.FiscalYear"] = ThisYear.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, project.StatusCode);
        var projectPage = project.Headers.Location!.OriginalString;
        var badDetails = await Browserless.ParseAsync(await browser.SubmitFilledAsync(projectPage, "#details-form", new() { ["Details.Operations"] = "-100", ["Details.StartDate"] = "31/02/2569" }));
        Assert.Contains("ไม่ใช่วันที่ที่อ่านได้", Message(badDetails, "Details.StartDate"));
        var negative = await Browserless.ParseAsync(await browser.SubmitFilledAsync(projectPage, "#details-form", new() { ["Details.Operations"] = "-100" }));
        Assert.Contains("ต้องไม่ติดลบ", Message(negative, "Details.Operations"));
        Assert.Equal(0m, await host.WithDbAsync(db => db.PlanProjects.IgnoreQueryFilters().Where(p => p.Name == "ส่งเสริม PLC ในสถานศึกษาผ่านแบบฟอร์ม").Select(p => p.BudgetOperations).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFilledAsync(projectPage, "#details-form", new() { ["Details.Operations"] = "45000", ["Details.Objectives"] = "ให้ทุกโรงเรียนมี PLC" })).StatusCode);
        Assert.Equal(45000m, await host.WithDbAsync(db => db.PlanProjects.IgnoreQueryFilters().Where(p => p.Name == "ส่งเสริม PLC ในสถานศึกษาผ่านแบบฟอร์ม").Select(p => p.BudgetOperations).SingleAsync()));

        // Activities: a date outside the project's year under its row; then saved, one done.
        var start = SchoolCalendar.FiscalYearStart(ThisYear);
        var outside = await Browserless.ParseAsync(await browser.SubmitAsync(projectPage, "#activities-form", new()
        {
            ["Activities[0].Name"] = "ประชุมชี้แจง", ["Activities[0].StartDate"] = ThaiDate.Numeric(start.AddYears(1)), ["Activities[0].EndDate"] = ThaiDate.Numeric(start.AddYears(1)),
        }));
        Assert.Contains($"ต้องอยู่ในปีงบประมาณ {ThisYear}", Message(outside, "Activities[0].StartDate"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(projectPage, "#activities-form", new()
        {
            ["Activities[0].Name"] = "ประชุมชี้แจง", ["Activities[0].StartDate"] = ThaiDate.Numeric(start), ["Activities[0].EndDate"] = ThaiDate.Numeric(start.AddDays(5)),
            ["Activities[0].DoneOn"] = ThaiDate.Numeric(start.AddDays(3)),
        })).StatusCode);
        var (_, withActivity) = await browser.GetAsync(projectPage);
        Assert.Contains("ตามแผน", Text(withActivity));

        // The plan's table as a file.
        var xlsx = await browser.Client.GetAsync(page + "?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Contains(Workbook.Read(await xlsx.Content.ReadAsByteArrayAsync()), r => r.Any(c => c?.ToString()?.Contains("ร้อยละของครูที่ทำ PLC") == true));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Readers_see_no_forms_and_post_nothing(DatabaseProvider provider)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var api = await host.UserAsync(Role.AreaAdmin, area);
        var plan = await (await api.PostAsJsonAsync($"/api/v1/areas/{area}/plans", new { name = "แผนปฏิบัติการ", kind = "Annual", startFiscalYear = ThisYear, endFiscalYear = ThisYear })).JsonAsync();
        var page = $"/plans/{plan.GetProperty("id").GetGuid()}";
        var assessor = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.Assessor, area), AppHost.Password);
        var (response, doc) = await assessor.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(doc.QuerySelector("#strategy-form"));
        var post = await assessor.Client.PostAsync(page + "?handler=Strategy", await assessor.TokenFormAsync(page, new() { ["NewStrategy.Number"] = "1", ["NewStrategy.Name"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var school = await host.SchoolAsync(area);
        var director = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.SchoolAdmin, area, school), AppHost.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.Client.GetAsync(page)).StatusCode);
        var foreign = await Browserless.SignInAsync(host, await host.UserAccountAsync(Role.AreaAdmin, await host.AreaAsync()), AppHost.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.Client.GetAsync(page)).StatusCode);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
