using Microsoft.Playwright;

namespace Phatthana.BrowserTests.Pages;

/// <summary>A round's indicator page: each consideration item's answer form and evidence forms, and the level the rule gives.</summary>
public sealed class IndicatorPage(IPage page)
{
    private ILocator Item(int number) => page.Locator($"#item-{number}");

    public ILocator Level => page.GetByTestId("level");

    public ILocator LevelReason => page.GetByTestId("level-reason");

    public async Task AnswerAsync(int item, string evidence, string results)
    {
        var section = Item(item);
        var edit = section.Locator("details.item-edit");
        if (await edit.GetAttributeAsync("open") is null) await edit.Locator("summary").ClickAsync();
        await section.GetByLabel("ดำเนินการตามประเด็นนี้แล้ว").CheckAsync();
        await section.GetByLabel("ความชัดเจนของหลักฐาน").SelectOptionAsync(new SelectOptionValue { Label = evidence });
        await section.GetByLabel("ผลการดำเนินงาน").FillAsync(results);
        await section.GetByRole(AriaRole.Button, new() { Name = $"บันทึกข้อ {item}" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private async Task<ILocator> EvidenceFormsAsync(int item)
    {
        var add = Item(item).Locator("details.evidence-add");
        if (await add.GetAttributeAsync("open") is null) await add.Locator("summary").ClickAsync();
        return add;
    }

    public async Task UploadAsync(int item, string path, string title)
    {
        var add = await EvidenceFormsAsync(item);
        await add.GetByLabel(new System.Text.RegularExpressions.Regex("^อัปโหลดไฟล์")).SetInputFilesAsync(path);
        await add.GetByLabel("ชื่อหลักฐาน (ไม่บังคับ)").FillAsync(title);
        await add.GetByRole(AriaRole.Button, new() { Name = "อัปโหลด", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public async Task LinkReportAsync(int item, string reportName, string year)
    {
        var add = await EvidenceFormsAsync(item);
        var select = add.GetByLabel("เชื่อมโยงรายงานของระบบ");
        var option = select.Locator("option", new() { HasText = reportName });
        await select.SelectOptionAsync(await option.GetAttributeAsync("value") ?? "");
        await add.GetByLabel(new System.Text.RegularExpressions.Regex("^ปี")).FillAsync(year);
        await add.GetByRole(AriaRole.Button, new() { Name = "เชื่อมโยงรายงาน" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public ILocator Evidence(int item) => Item(item).Locator("ul.evidence-list");
}
