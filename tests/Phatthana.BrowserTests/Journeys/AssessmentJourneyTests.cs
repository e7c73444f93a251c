using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;
using Phatthana.Web.Shared.Reporting;
using Phatthana.Web.Shared.Thai;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// Area staff start a round on one indicator, answer its items, back one with an uploaded document and another with the
/// system's training summary, watch the level follow the rule, submit the round (asked first), see it read-only and download
/// the SAR as Word with the indicator's table in it.
/// </summary>
public sealed class AssessmentJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task An_indicator_filled_with_an_upload_and_a_linked_report_shows_its_level_and_is_submitted(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var page = await host.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);

        // A round on seed 003's standard 1, indicator 1.2 only.
        await page.GotoAsync($"/areas/{DemoSeeder.AreaCode}/assessment");
        await page.GetByRole(AriaRole.Link, new() { Name = "เริ่มรอบการประเมิน" }).ClickAsync();
        // The first framework is offered with its indicators (choosing another reloads them through htmx).
        await Assertions.Expect(page.GetByLabel("กรอบการประเมิน")).ToHaveValueAsync("ESA2557-S1");
        await page.GetByLabel("ชื่อรอบการประเมิน").FillAsync("ครั้งที่ทดลอง/2570");
        foreach (var other in new[] { "1.1", "1.3", "1.4" })
            await page.Locator($"input[name='Form.Indicators'][value='{other}']").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "เริ่มรอบการประเมิน" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/assessment-rounds/[0-9a-f-]{36}$"));
        var roundUrl = page.Url;
        await Assertions.Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "1.2 การพัฒนาสู่องค์การแห่งการเรียนรู้" }).ClickAsync();
        var indicator = new IndicatorPage(page);
        await Assertions.Expect(indicator.Level).ToHaveTextAsync("1");

        // Item 1: done, clear, backed by the working group's order as a PDF.
        await indicator.AnswerAsync(1, "มีร่องรอยหลักฐานปรากฏชัดเจน", "บุคลากรทุกคนจัดทำแผนพัฒนาตนเองและเข้ารับการพัฒนาตามแผน");
        await Assertions.Expect(indicator.Level).ToHaveTextAsync("2");
        var order = Path.Combine(Path.GetTempPath(), $"คำสั่งแต่งตั้งคณะทำงาน-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(order, PdfRenderer.Render(new Report
        {
            Title = "คำสั่งแต่งตั้งคณะทำงานจัดการความรู้", GeneratedAt = DateTimeOffset.UtcNow, FileStem = "order",
            Blocks = [new ParagraphBlock("แต่งตั้งคณะทำงานจัดการความรู้ของสำนักงานเขตพื้นที่การศึกษา")],
        }));
        await indicator.UploadAsync(1, order, "คำสั่งแต่งตั้งคณะทำงานจัดการความรู้");
        await Assertions.Expect(indicator.Evidence(1)).ToContainTextAsync("คำสั่งแต่งตั้งคณะทำงานจัดการความรู้");
        File.Delete(order);

        // Item 2: done, clear, backed by the system's training summary of last fiscal year (shown live until submission).
        var lastYear = SchoolCalendar.FiscalYearOf(ThaiDate.TodayInThailand(TimeProvider.System)) - 1;
        await indicator.LinkReportAsync(2, "สรุปผลการพัฒนาครูและบุคลากรทางการศึกษา", lastYear.ToString());
        await Assertions.Expect(indicator.Evidence(2)).ToContainTextAsync("ข้อมูลปัจจุบัน");
        await indicator.AnswerAsync(2, "หลักฐานชัดเจนและตรวจสอบได้", "จัดกิจกรรมแลกเปลี่ยนเรียนรู้ทุกเดือน");
        await Assertions.Expect(indicator.Level).ToHaveTextAsync("3");
        await Assertions.Expect(indicator.LevelReason).ToHaveTextAsync("ชัดเจน 2 จาก 4 ข้อ → ระดับ 3");
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"assessment-indicator-{provider}"), FullPage = true });

        // Submitted, asked first: the level is kept, the linked report frozen, the page read-only.
        await page.GotoAsync(roundUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "ส่งผลการประเมิน" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ยืนยันส่งผลการประเมิน" }).ClickAsync();
        await page.WaitForURLAsync(roundUrl);
        await Assertions.Expect(page.Locator(".badge.round-Submitted")).ToHaveTextAsync("ส่งแล้ว");
        await page.GetByRole(AriaRole.Link, new() { Name = "1.2 การพัฒนาสู่องค์การแห่งการเรียนรู้" }).ClickAsync();
        await Assertions.Expect(indicator.Level).ToHaveTextAsync("3");
        await Assertions.Expect(indicator.Evidence(2)).ToContainTextAsync("ข้อมูล ณ วันที่ส่ง");
        await Assertions.Expect(page.Locator("form.item-form")).ToHaveCountAsync(0);

        // The SAR as Word: the indicator's table is in it, with the level and the uploaded document.
        await page.GotoAsync(roundUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "รายงานการประเมินตนเอง (SAR)" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "ดาวน์โหลด Word" }).ClickAsync());
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await download.PathAsync(), false))
        {
            var tables = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().Select(t => t.InnerText).ToList();
            var table = Assert.Single(tables, t => t.Contains("ระดับคุณภาพ") && t.Contains("คำอธิบายระดับคุณภาพ") && t.Contains("คำสั่งแต่งตั้งคณะทำงานจัดการความรู้"));
            Assert.Contains("ชัดเจน 2 จาก 4 ข้อ → ระดับ 3", table);
        }
        await page.GotoAsync(roundUrl + "/indicators/1.2");

        // On a phone the indicator still reads.
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"assessment-phone-{provider}"), FullPage = false });
        Assert.Empty(scriptErrors);
    }
}
