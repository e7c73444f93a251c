using Microsoft.Playwright;

namespace Phatthana.BrowserTests.Pages;

/// <summary>The self-assessment frameworks: the list, one framework's page, its editor and an indicator's form.</summary>
public sealed class FrameworksPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Rows => page.Locator("#list tbody tr");
    public ILocator Flash => page.GetByRole(AriaRole.Status);
    public ILocator Errors => page.Locator(".validation-summary-errors");

    public Task OpenFromMenuAsync() => page.GetByRole(AriaRole.Link, new() { Name = "กรอบการประเมิน", Exact = true }).ClickAsync();

    public Task OpenAsync(string code) => page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).ClickAsync();

    public Task EditAsync() => page.GetByRole(AriaRole.Link, new() { Name = "แก้ไข", Exact = true }).ClickAsync();

    public Task EditIndicatorAsync(string key) => page.GetByRole(AriaRole.Link, new() { Name = $"แก้ไขตัวชี้วัด {key}", Exact = true }).ClickAsync();

    /// <summary>A cell of the indicator form's grids, by its accessible name ("แถวที่ 7 ข้อความ").</summary>
    public ILocator Cell(string name) => page.GetByLabel(name, new() { Exact = true });

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).ClickAsync();

    public Task ScreenshotAsync(string name) => page.ScreenshotAsync(new() { Path = Infrastructure.BrowserHost.ScreenshotPath(name), FullPage = true });
}
