using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>Area staff open the summary report, see its charts, and take it away as PDF and Word — and on a phone.</summary>
public sealed class ReportJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Open_the_summary_report_see_charts_and_download_pdf_and_word(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var page = await host.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "รายงานสรุปสถานศึกษา" }).ClickAsync();
        var report = new SummaryReportPage(page, DemoSeeder.AreaCode);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("รายงานสรุปข้อมูลสถานศึกษาและนักเรียน");
        await Assertions.Expect(report.Charts).ToHaveCountAsync(3);
        await Assertions.Expect(report.Tables).ToHaveCountAsync(3);
        // The chart's Thai title is text the browser draws with the page's Sarabun.
        await Assertions.Expect(report.Charts.Nth(1)).ToContainTextAsync("นักเรียนจำแนกตามชั้นและเพศ");
        var box = await report.Charts.First.BoundingBoxAsync();
        Assert.True(box is { Width: > 400, Height: > 150 }, $"chart drawn at {box?.Width}×{box?.Height}");
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"report-{provider}"), FullPage = true });

        var pdf = await report.DownloadAsync("PDF สำหรับพิมพ์และลงนาม");
        Assert.EndsWith(".pdf", pdf.SuggestedFilename);
        var text = Poppler.Text(await File.ReadAllBytesAsync(await pdf.PathAsync()));
        Assert.Contains("รายงานสรุปข้อมูลสถานศึกษาและนักเรียน", text, StringComparison.Ordinal);
        Assert.Contains("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเพชรบุรี เขต 1", text, StringComparison.Ordinal);

        var word = await report.DownloadAsync("Word (.docx)");
        Assert.EndsWith(".docx", word.SuggestedFilename);

        Assert.Empty(scriptErrors);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_report_reads_on_a_phone(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var page = await host.NewPageAsync(width: 390, height: 844);
        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);
        await new SummaryReportPage(page, DemoSeeder.AreaCode).OpenAsync();
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide on a 390px phone");
        var chart = await page.Locator("figure.chart-figure svg").First.BoundingBoxAsync();
        Assert.True(chart is { Width: <= 390 }, $"chart is {chart?.Width}px wide");
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"report-phone-{provider}"), FullPage = true });
    }
}
