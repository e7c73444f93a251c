using Microsoft.Playwright;

namespace Phatthana.BrowserTests.Pages;

/// <summary>An ID Plan's page: the self-assessment grid, the need cards, submitting, and the plan's status.</summary>
public sealed class IdPlanPage(IPage page)
{
    public ILocator Status => page.GetByTestId("plan-status");

    public async Task AssessEveryCompetencyAsync(int level)
    {
        var rows = page.Locator("table.levels-grid tbody tr");
        var count = await rows.CountAsync();
        for (var i = 0; i < count; i++) await rows.Nth(i).Locator($"input[type=radio][value='{level}']").CheckAsync();
    }

    /// <summary>Fills the need card at <paramref name="row"/> (0 = the first shown).</summary>
    public async Task NeedAsync(int row, int priority, string topic, string method, string outcome)
    {
        var card = page.Locator($"#need-{row}");
        await card.GetByLabel("ลำดับ").FillAsync(priority.ToString());
        await card.GetByLabel("หัวข้อการพัฒนา").SelectOptionAsync(new SelectOptionValue { Label = topic });
        await card.GetByLabel(method, new() { Exact = true }).CheckAsync();
        await card.GetByLabel("ผลที่คาดว่าจะได้รับ").FillAsync(outcome);
    }

    public async Task SubmitAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกและส่งแผน" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
