using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Accounts;
using Phatthana.Web.Features.Plans;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.Tests.Features.Plans;

/// <summary>
/// The budget pages over HTTP on both databases: a project's money grid (an unreadable amount, a negative one and an over-spend
/// told in Thai under the box or the column's total, nothing saved; then saved with a note); the area's follow-up with its
/// flags, chart, curve editor (a non-cumulative curve refused under its quarter) and files; readers see no forms and post nothing.
/// </summary>
public sealed partial class BudgetPagesTests(AppHosts hosts) : ProviderTests(hosts)
{
    private static readonly int ThisYear = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(TimeProvider.System));
    private static readonly int LastYear = ThisYear - 1;
    private const int Operations = (int)BudgetCategory.Operations;

    private static string Message(IDocument doc, string field) => doc.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";

    private static string Text(IDocument doc) => Spaces().Replace(doc.QuerySelector("main")!.TextContent, " ");

    private sealed record World(AppHost Host, string Area, HttpClient Api, Guid Project);

    private async Task<World> ArrangeAsync(DatabaseProvider provider, int year)
    {
        var host = await Host(provider);
        var area = await host.AreaAsync();
        var api = await host.UserAsync(Role.AreaAdmin, area);
        var plan = await (await api.PostAsJsonAsync($"/api/v1/areas/{area}/plans", new { name = "แผนปฏิบัติการ", kind = "Annual", startFiscalYear = year, endFiscalYear = year })).JsonAsync();
        var strategy = await (await api.PostAsJsonAsync($"/api/v1/plans/{plan.GetProperty("id").GetGuid()}/strategies", new { number = 1, name = "พัฒนาครู" })).JsonAsync();
        var project = await api.PostAsJsonAsync($"/api/v1/strategies/{strategy.GetProperty("id").GetGuid()}/projects", new
        {
            name = "อบรมครูด้านการวัดและประเมินผล", fiscalYear = year, status = "InProgress", budget = new { personnel = 0, operations = 100_000, investment = 0, subsidy = 0, other = 0 },
        });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        return new World(host, area, api, (await project.JsonAsync()).GetProperty("id").GetGuid());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_projects_money_is_entered_in_its_grid_and_bad_amounts_save_nothing(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, ThisYear);
        var browser = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);
        var page = $"/projects/{w.Project}";
        var (_, doc) = await browser.GetAsync(page);
        // Only the category with a budget gets boxes: twelve months of committed and disbursed.
        Assert.Equal(24, doc.QuerySelectorAll("#money-form input[type=text][name^='Money['][name*='ed[']").Length);
        Assert.NotNull(doc.QuerySelector($"#money-form input[name='Money[0].Disbursed[{Operations}]'][type=text]"));
        Assert.NotNull(doc.QuerySelector("#money-form input[name='Money[0].Disbursed[0]'][type=hidden]"));

        var bad = await Browserless.ParseAsync(await browser.SubmitFilledAsync(page, "#money-form", new()
        {
            [$"Money[0].Disbursed[{Operations}]"] = "60,000", [$"Money[1].Committed[{Operations}]"] = "สามหมื่น", [$"Money[2].Disbursed[{Operations}]"] = "-5",
        }));
        Assert.Contains("ไม่ใช่จำนวนเงินที่อ่านได้", Message(bad, $"Money[1].Committed[{Operations}]"));
        var negative = await Browserless.ParseAsync(await browser.SubmitFilledAsync(page, "#money-form", new()
        {
            [$"Money[0].Disbursed[{Operations}]"] = "60,000", [$"Money[2].Disbursed[{Operations}]"] = "-5", [$"Money[3].Committed[{Operations}]"] = "45000",
        }));
        Assert.Contains("ต้องไม่ติดลบ", Message(negative, $"Money[2].Disbursed[{Operations}]"));
        Assert.Contains("เกินงบประมาณที่ได้รับจัดสรร 100,000.00 บาท (เกิน 5,000.00 บาท)", Message(negative, "MoneyTotals.operations"));
        Assert.Equal("45000", negative.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[name='Money[3].Committed[{Operations}]']")!.Value); // what was typed stays
        var noteAlone = await Browserless.ParseAsync(await browser.SubmitFilledAsync(page, "#money-form", new() { ["Money[5].Note"] = "รอเบิก" }));
        Assert.Contains("ระบุหมายเหตุได้เมื่อ", Message(noteAlone, "Money[5].Note"));
        Assert.Equal(0, await w.Host.WithDbAsync(db => db.Disbursements.IgnoreQueryFilters().CountAsync(d => d.ProjectId == w.Project)));

        var saved = await browser.SubmitFilledAsync(page, "#money-form", new()
        {
            [$"Money[0].Disbursed[{Operations}]"] = "60,000", [$"Money[1].Committed[{Operations}]"] = "15000.50", ["Money[0].Note"] = "อบรมรุ่นที่ 1",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rows = await w.Host.WithDbAsync(db => db.Disbursements.IgnoreQueryFilters().Where(d => d.ProjectId == w.Project).OrderBy(d => d.Month).ToListAsync());
        Assert.Equal([(60_000m, 0m, "อบรมรุ่นที่ 1"), (0m, 15_000.50m, null)], rows.Select(r => (r.Disbursed, r.Committed, r.Note)));
        var (_, after) = await browser.GetAsync(page);
        Assert.Contains("เบิกจ่ายแล้ว 60,000.00 จาก 100,000.00 บาท", Text(after));
        Assert.Equal("60000", after.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[name='Money[0].Disbursed[{Operations}]']")!.Value);

        // A post of some months only (not the page's form) would erase the others: refused.
        var partial = await browser.Client.PostAsync(page + "?handler=Money", await browser.TokenFormAsync(page, new() { [$"Money[0].Disbursed[{Operations}]"] = "1" }));
        Assert.Contains("ไม่ครบ 12 เดือน", Text(await Browserless.ParseAsync(partial)));
        Assert.Equal(2, await w.Host.WithDbAsync(db => db.Disbursements.IgnoreQueryFilters().CountAsync(d => d.ProjectId == w.Project)));

        // Saved again unchanged, the month's note stays; the details' budget cannot go below what is spent.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFilledAsync(page, "#money-form", new())).StatusCode);
        Assert.Equal("อบรมรุ่นที่ 1", await w.Host.WithDbAsync(db => db.Disbursements.IgnoreQueryFilters().Where(d => d.ProjectId == w.Project && d.Disbursed > 0).Select(d => d.Note).SingleAsync()));
        var lowered = await Browserless.ParseAsync(await browser.SubmitFilledAsync(page, "#details-form", new() { ["Details.Operations"] = "70000" }));
        Assert.Contains("น้อยกว่าที่ผูกพันและเบิกจ่ายแล้ว", Message(lowered, "Details.Operations"));
        Assert.NotEmpty(lowered.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[name='Money[0].Disbursed[{Operations}]']")!.Value); // the grid is not emptied
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_area_follow_up_flags_its_projects_charts_the_year_and_edits_the_curve(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, LastYear);
        var put = await w.Api.PutAsJsonAsync($"/api/v1/projects/{w.Project}/disbursements", new
        {
            rows = new[] { new { month = SchoolCalendar.FiscalYearStart(LastYear).ToString("yyyy-MM"), category = "Operations", committed = 10_000m, disbursed = 40_000m } },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var browser = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.AreaAdmin, w.Area), AppHost.Password);
        var page = $"/areas/{w.Area}/budget?fy={LastYear}";
        var (response, doc) = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(doc);
        Assert.Contains($"ติดตามการเบิกจ่ายงบประมาณ ปีงบประมาณ {LastYear}", text);
        Assert.Contains("อบรมครูด้านการวัดและประเมินผล", doc.QuerySelector("#budget-projects")!.TextContent);
        Assert.Contains("ต่ำกว่าเป้าหมาย", doc.QuerySelector("#budget-projects")!.TextContent); // 40 % against 100 % at the year's end
        Assert.NotNull(doc.QuerySelector("figure.budget-chart svg.chart"));
        Assert.NotNull(doc.QuerySelector($"nav a[href='/areas/{w.Area}/budget']"));

        var backwards = await Browserless.ParseAsync(await browser.SubmitAsync(page, "#curve-form", new() { ["Curve[0]"] = "30", ["Curve[1]"] = "20", ["Curve[2]"] = "40", ["Curve[3]"] = "40" }));
        Assert.Contains("ร้อยละสะสม", Message(backwards, "Curve[1]"));
        Assert.Equal(0, await w.Host.WithDbAsync(db => db.DisbursementTargets.IgnoreQueryFilters().CountAsync(t => db.Areas.Any(a => a.Id == t.AreaId && a.Code == w.Area))));
        var set = await browser.SubmitAsync(page, "#curve-form", new() { ["Curve[0]"] = "10", ["Curve[1]"] = "20", ["Curve[2]"] = "30", ["Curve[3]"] = "40" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var (_, withCurve) = await browser.GetAsync(page);
        Assert.Contains("เป้าหมายของเขตพื้นที่: ไตรมาส 1 ร้อยละ 10", Text(withCurve));
        Assert.Contains("ตามเป้าหมาย", withCurve.QuerySelector("#budget-projects")!.TextContent); // 40 % against 40 %

        var xlsx = await browser.Client.GetAsync(page + "&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Contains(Workbook.ReadAll(await xlsx.Content.ReadAsByteArrayAsync()), r => r.Any(c => c?.ToString() == "อบรมครูด้านการวัดและประเมินผล"));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.GetAsync(page + "&format=odt")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Readers_see_no_budget_forms_and_post_nothing(DatabaseProvider provider)
    {
        var w = await ArrangeAsync(provider, ThisYear);
        var budget = $"/areas/{w.Area}/budget";
        var project = $"/projects/{w.Project}";
        var assessor = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.Assessor, w.Area), AppHost.Password);
        var (response, doc) = await assessor.GetAsync(budget);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(doc.QuerySelector("#curve-form"));
        var (_, projectPage) = await assessor.GetAsync(project);
        Assert.Null(projectPage.QuerySelector("#money-form"));
        var curvePost = await assessor.Client.PostAsync(budget + "?handler=Curve", await assessor.TokenFormAsync(budget, new() { ["Curve[0]"] = "1", ["Curve[1]"] = "2", ["Curve[2]"] = "3", ["Curve[3]"] = "4" }));
        Assert.Equal(HttpStatusCode.Forbidden, curvePost.StatusCode);
        var moneyPost = await assessor.Client.PostAsync(project + "?handler=Money", await assessor.TokenFormAsync(project, new() { [$"Money[0].Disbursed[{Operations}]"] = "10" }));
        Assert.Equal(HttpStatusCode.Forbidden, moneyPost.StatusCode);
        Assert.Equal(0, await w.Host.WithDbAsync(db => db.Disbursements.IgnoreQueryFilters().CountAsync(d => d.ProjectId == w.Project)));

        var foreign = await Browserless.SignInAsync(w.Host, await w.Host.UserAccountAsync(Role.AreaAdmin, await w.Host.AreaAsync()), AppHost.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.Client.GetAsync(budget)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.Client.GetAsync(project)).StatusCode);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
