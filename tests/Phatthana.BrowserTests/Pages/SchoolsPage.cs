using Microsoft.Playwright;

namespace Phatthana.BrowserTests.Pages;

/// <summary>The area's school list: search, open the create form, export.</summary>
public sealed class SchoolsPage(IPage page, string area)
{
    public ILocator Rows => page.Locator("#list tbody tr");

    public Task OpenAsync() => page.GotoAsync($"/areas/{area}/schools");

    public async Task SearchAsync(string text)
    {
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "ค้นหา" }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "ค้นหา", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q="));
    }

    public async Task<SchoolFormPage> AddAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "เพิ่มสถานศึกษา" }).ClickAsync();
        await page.WaitForURLAsync($"**/areas/{area}/schools/new");
        return new SchoolFormPage(page);
    }

    public async Task<IDownload> ExportAsync() =>
        await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "ส่งออก Excel" }).ClickAsync());
}

public sealed class SchoolFormPage(IPage page)
{
    public async Task FillAsync(string code, string name, string typeLabel, string district)
    {
        await page.GetByLabel("รหัสสถานศึกษา (10 หลัก)").FillAsync(code);
        await page.GetByLabel("ชื่อสถานศึกษา").FillAsync(name);
        await page.GetByLabel("ประเภทสถานศึกษา").SelectOptionAsync(new SelectOptionValue { Label = typeLabel });
        await page.GetByLabel("อำเภอ").FillAsync(district);
    }

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
}
