using Microsoft.Playwright;

namespace Phatthana.BrowserTests.Pages;

/// <summary>The area's manpower analysis and a school's working.</summary>
public sealed class ManpowerPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Cards => page.Locator(".cards .card");

    public ILocator Chart => page.Locator("figure.chart-figure svg");

    /// <summary>Rows of the schools table (the last table on the page, inside the swapped list).</summary>
    public ILocator SchoolRows => page.Locator("#list table tbody tr");

    public ILocator Cell(ILocator row, string header) => row.Locator($"td[data-label=\"{header}\"]");

    public Task ShowOnlyAsync(string statusCardText) => page.Locator(".cards a.card", new() { HasText = statusCardText }).ClickAsync();

    public ILocator WorkingTables => page.Locator("article.report table");

    public Task<IDownload> DownloadAsync(string linkText) =>
        page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = linkText }).First.ClickAsync());
}
