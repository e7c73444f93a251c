using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// The area's planner follows the demo's three-year plan: from the menu to the plan, its progress dashboard of last year
/// (lights and projects counted), to last year's PLC project and its PDCA report; writes what checking found and what
/// changes, and downloads the report as Excel — the project's plan, activities, courses, KPIs and the words just written.
/// </summary>
public sealed class PlanPdcaJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task From_the_plan_to_a_projects_pdca_report_and_its_excel(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var lastYear = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(TimeProvider.System)) - 1;
        const string project = "สร้างชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC) ของสถานศึกษาและกลุ่มงาน";
        var scriptErrors = new List<string>();
        var page = await host.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);

        // The menu, the area's plans, the three-year plan.
        await page.GetByRole(AriaRole.Link, new() { Name = "แผนพัฒนา", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "แผนพัฒนาครูและบุคลากรทางการศึกษา ระยะ 3 ปี" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("ระยะ 3 ปี");

        // Its progress of last year: every light and the projects counted, all six projects done on schedule.
        await page.GetByRole(AriaRole.Link, new() { Name = "ความก้าวหน้าตามแผน" }).ClickAsync();
        await page.Locator("#fiscalYear").SelectOptionAsync(lastYear.ToString());
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(lastYear.ToString());
        await Assertions.Expect(page.Locator("[data-count='on-schedule']")).ToHaveTextAsync("6/6");
        foreach (var light in new[] { "met", "close", "below" })
            Assert.NotEqual("0", (await page.Locator($"[data-count='{light}']").TextContentAsync())!.Trim());
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"plan-progress-{provider}"), FullPage = true });

        // The PLC project of last year, then its PDCA report.
        await page.Locator("#project-progress tbody tr", new() { HasText = project }).GetByRole(AriaRole.Link, new() { Name = project }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(project);
        await page.GetByRole(AriaRole.Link, new() { Name = "รายงาน PDCA" }).ClickAsync();
        var main = page.Locator("main");
        foreach (var part in new[] { "การวางแผน (Plan)", "การดำเนินงาน (Do)", "การตรวจสอบและประเมินผล (Check)", "การปรับปรุงและพัฒนา (Act)",
                     "ศึกษาดูงานโรงเรียนต้นแบบ PLC", "ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC) สู่ห้องเรียนคุณภาพ", "ร้อยละของหน่วยงานที่เข้ากลุ่มจัดทำ PLC" })
            await Assertions.Expect(main).ToContainTextAsync(part);

        // What checking found and what changes, written on the report.
        await page.GetByLabel("ผลการตรวจสอบ ปัญหาและอุปสรรค").FillAsync("โรงเรียนขนาดเล็กบันทึก PLC ไม่ครบทุกเดือน");
        await page.GetByLabel("การปรับปรุงและพัฒนา (สิ่งที่จะเปลี่ยน)").FillAsync("ปีต่อไปจัด PLC ระดับเครือข่ายเดือนละครั้ง");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).ClickAsync();
        await Assertions.Expect(main).ToContainTextAsync("บันทึกผลการตรวจสอบและการปรับปรุงแล้ว");
        await Assertions.Expect(page.Locator(".report, main").First).ToContainTextAsync("ปีต่อไปจัด PLC ระดับเครือข่ายเดือนละครั้ง");
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"project-pdca-{provider}"), FullPage = true });

        // The Excel file carries the project's own data and the words just written.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Excel (.xlsx)" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var cells = Workbook.ReadAll(await File.ReadAllBytesAsync(await download.PathAsync())).SelectMany(r => r).Select(c => c?.ToString() ?? "").ToList();
        foreach (var expected in new[] { project, "ผู้บริหารสถานศึกษาและครูแกนนำ PLC 104 โรงเรียน", "ศึกษาดูงานโรงเรียนต้นแบบ PLC",
                     "ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC) สู่ห้องเรียนคุณภาพ", "ร้อยละของหน่วยงานที่เข้ากลุ่มจัดทำ PLC",
                     "โรงเรียนขนาดเล็กบันทึก PLC ไม่ครบทุกเดือน", "ปีต่อไปจัด PLC ระดับเครือข่ายเดือนละครั้ง" })
            Assert.Contains(cells, c => c.Contains(expected, StringComparison.Ordinal));
        Assert.Empty(scriptErrors);
    }
}
