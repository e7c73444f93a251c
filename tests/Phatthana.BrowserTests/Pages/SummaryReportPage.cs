using Microsoft.Playwright;

namespace Phatthana.BrowserTests.Pages;

/// <summary>The schools-and-students summary report of an area.</summary>
public sealed class SummaryReportPage(IPage page, string area)
{
    public Task OpenAsync() => page.GotoAsync($"/areas/{area}/reports/schools-summary");

    public ILocator Charts => page.Locator("figure.chart-figure svg");

    public ILocator Tables => page.Locator("article.report table");

    public ILocator Year => page.GetByLabel("ปีการศึกษา");

    public Task<IDownload> DownloadAsync(string linkText) =>
        page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = linkText }).ClickAsync());
}
