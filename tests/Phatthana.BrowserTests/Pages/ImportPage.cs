using Microsoft.Playwright;

namespace Phatthana.BrowserTests.Pages;

/// <summary>The import page of an area: choose what to import, attach the file, send it, and read the job's outcome.</summary>
public sealed class ImportPage(IPage page, string area)
{
    public Task OpenAsync() => page.GotoAsync($"/areas/{area}/imports");

    public async Task UploadAsync(string kindLabel, string path)
    {
        await page.GetByLabel("ข้อมูลที่นำเข้า").SelectOptionAsync(new SelectOptionValue { Label = kindLabel });
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^ไฟล์")).SetInputFilesAsync(path);
        await page.GetByRole(AriaRole.Button, new() { Name = "ตรวจสอบและนำเข้า" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/areas/{area}/imports/[0-9a-f-]{{36}}$"));
    }

    /// <summary>Waits (the page polls the background job) until the import has succeeded or failed.</summary>
    public async Task WaitForOutcomeAsync() =>
        await page.Locator(".alert-ok, .validation-summary-errors").First.WaitForAsync(new() { Timeout = 60_000 });

    public ILocator Success => page.Locator(".alert-ok");
    public ILocator Failure => page.Locator(".validation-summary-errors");
    public ILocator ErrorRows => page.Locator("table.errors-table tbody tr");

    public Task<IDownload> DownloadReportAsync() =>
        page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "ดาวน์โหลดไฟล์พร้อมคอลัมน์ข้อผิดพลาด (.xlsx)" }).ClickAsync());
}

/// <summary>The data-quality page: the figure of a card, found by the card's label.</summary>
public sealed class DataQualityPage(IPage page, string area)
{
    public Task OpenAsync() => page.GotoAsync($"/areas/{area}/data-quality");

    public async Task<int> FigureAsync(string labelStart)
    {
        var card = page.Locator(".card").Filter(new() { Has = page.Locator(".label", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + labelStart) }) });
        var text = await card.Locator(".figure").InnerTextAsync();
        return int.Parse(text.Replace(",", "").Replace("%", "").Split('.')[0]);
    }
}
