using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// Area staff open the manpower analysis, narrow it to the schools short of teachers, open one school's working,
/// find the same figures there, and come back to the summary for the same year — on a desktop and on a phone.
/// </summary>
public sealed class ManpowerJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task From_the_area_summary_to_a_schools_working_and_back(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var page = await host.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "อัตรากำลัง", Exact = true }).ClickAsync();
        var manpower = new ManpowerPage(page);
        await Assertions.Expect(manpower.Heading).ToHaveTextAsync("อัตรากำลังครูและผู้บริหารตามเกณฑ์ ก.ค.ศ.");
        await Assertions.Expect(manpower.Chart).ToHaveCountAsync(1);
        await Assertions.Expect(manpower.Chart).ToContainTextAsync("ขาดเกณฑ์");
        var year = await page.Locator("select#academicYear").InputValueAsync();
        Assert.Matches("^25[0-9]{2}$", year);

        // Only the schools short of teachers: every row says so and shows a negative difference.
        await manpower.ShowOnlyAsync("โรงเรียนขาดเกณฑ์");
        await page.WaitForURLAsync(new Regex("status=Shortage"));
        var rows = manpower.SchoolRows;
        Assert.True(await rows.CountAsync() > 0, "the demo area has schools short of teachers");
        foreach (var status in await page.Locator("#list td[data-label=\"สภาพ\"]").AllInnerTextsAsync())
            Assert.Equal("ขาดเกณฑ์", status.Trim());
        var first = rows.First;
        var difference = (await manpower.Cell(first, "ต่าง (+ เกิน / − ขาด)").InnerTextAsync()).Trim();
        var required = (await manpower.Cell(first, "ตามเกณฑ์ (ครู+ผบ.)").InnerTextAsync()).Trim();
        Assert.StartsWith("-", difference);
        var schoolName = (await manpower.Cell(first, "สถานศึกษา").InnerTextAsync()).Trim();

        // The school's working shows the same figures, the rule it used and its rooms per grade.
        await manpower.Cell(first, "สถานศึกษา").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new Regex("/schools/[0-9]{10}/manpower"));
        await Assertions.Expect(manpower.Heading).ToContainTextAsync(schoolName);
        await Assertions.Expect(page.Locator(".cards .card").Nth(0).Locator(".figure")).ToHaveTextAsync(required);
        await Assertions.Expect(page.Locator(".cards .card").Nth(2).Locator(".figure")).ToHaveTextAsync(difference);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "๒. วิธีคิด" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article.report")).ToContainTextAsync("ห้องเรียนมาตรฐานรายชั้น");
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"manpower-school-{provider}"), FullPage = true });

        var pdf = await manpower.DownloadAsync("PDF สำหรับพิมพ์และลงนาม");
        var text = Poppler.Text(await File.ReadAllBytesAsync(await pdf.PathAsync()));
        Assert.Contains(schoolName, text, StringComparison.Ordinal);
        Assert.Contains("วิธีคิด", text, StringComparison.Ordinal);

        // Back to the area for the same year.
        await page.GetByRole(AriaRole.Link, new() { Name = "อัตรากำลัง สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1" }).ClickAsync();
        await Assertions.Expect(manpower.Heading).ToHaveTextAsync("อัตรากำลังครูและผู้บริหารตามเกณฑ์ ก.ค.ศ.");
        Assert.Equal(year, await page.Locator("select#academicYear").InputValueAsync());
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"manpower-area-{provider}"), FullPage = true });
        Assert.Empty(scriptErrors);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_analysis_reads_on_a_phone(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var page = await host.NewPageAsync(width: 390, height: 844);
        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);
        foreach (var path in new[] { "manpower", "manpower/rebalancing", "manpower/out-of-major" })
        {
            await page.GotoAsync($"/areas/{DemoSeeder.AreaCode}/{path}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 390, $"{path} is {scrollWidth}px wide on a 390px phone");
        }
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"manpower-phone-{provider}"), FullPage = true });
    }
}
