using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// The demo supervisor records a visit from the menu (a date in the future and no level are refused in Thai first), finds it
/// in the list filtered to the school, adds the follow-up, and reads this year's summary against last year's; the director of
/// the first school sees only their school's visits; the list is read on a phone.
/// </summary>
public sealed class SupervisionJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_supervisor_records_a_visit_and_reads_the_summary(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var scriptErrors = new List<string>();
        var page = await host.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(page).SignInAsync("supervisor@phatthana.demo", DemoSeeder.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "การนิเทศ", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "บันทึกการนิเทศ" }).ClickAsync();
        var school = page.GetByLabel("สถานศึกษา", new() { Exact = true });
        await school.SelectOptionAsync("1076000001");
        var today = ThaiDate.TodayInThailand(TimeProvider.System);
        await page.GetByLabel("วันที่นิเทศ").FillAsync(ThaiDate.Numeric(today.AddDays(2)));
        await page.GetByLabel("ประเด็น/เรื่องที่นิเทศ").FillAsync("การอ่านออกเขียนได้ ชั้น ป.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("เป็นวันในอนาคต");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("กรุณาเลือกผลการนิเทศ");

        await page.GetByLabel("วันที่นิเทศ").FillAsync(ThaiDate.Numeric(today));
        await page.GetByLabel("กลุ่มสาระการเรียนรู้").SelectOptionAsync("Thai");
        await page.GetByLabel("ผลการนิเทศ (ระดับคุณภาพ)").SelectOptionAsync("Fair");
        await page.GetByLabel("สิ่งที่พบจากการนิเทศ").FillAsync("นักเรียนบางคนยังอ่านสะกดคำไม่ได้");
        await page.GetByLabel("ข้อเสนอแนะ").FillAsync("จัดสอนซ่อมเสริมวันละ 20 นาที");
        await page.GetByLabel("กำหนดติดตามผล").FillAsync(ThaiDate.Numeric(today.AddDays(30)));
        await page.GetByLabel("สถานะการติดตาม").SelectOptionAsync("Open");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("การนิเทศ");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ระดับพอใช้");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("รอติดตาม");
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"supervision-visit-{provider}"), FullPage = true });

        // The summary: seed 003's lines, this year against last.
        await page.GotoAsync("/areas/PBI1/supervision");
        await page.GetByRole(AriaRole.Link, new() { Name = "สรุปผลการนิเทศ" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ระดับดีเยี่ยม จำนวน");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"เทียบกับปีการศึกษา {SchoolCalendar.AcademicYearOf(today) - 1}");
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"supervision-summary-{provider}"), FullPage = true });

        // The director of that school sees its visits only, on a phone.
        var director = await host.NewPageAsync(390, 844);
        director.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(director).SignInAsync("director@phatthana.demo", DemoSeeder.Password);
        await director.GotoAsync("/areas/PBI1/supervision");
        await Assertions.Expect(director.Locator("#list")).ToContainTextAsync("การอ่านออกเขียนได้ ชั้น ป.1");
        var schoolName = (await director.Locator("#list tbody tr").First.Locator("td").Nth(1).InnerTextAsync()).Trim();
        var rows = await director.Locator("#list tbody tr").AllInnerTextsAsync();
        Assert.All(rows, r => Assert.Contains(schoolName, r));
        await Assertions.Expect(director.GetByRole(AriaRole.Link, new() { Name = "บันทึกการนิเทศ" })).ToHaveCountAsync(0);
        await director.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"supervision-phone-{provider}") });
        Assert.Empty(scriptErrors);
    }
}
