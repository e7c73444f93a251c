using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// A SystemAdmin opens the shipped framework from the menu, reads its rules in Thai, adds a consideration item to an
/// indicator — first with a level asking for more clear items than there are, which the form refuses in Thai under the
/// cell — and finds it on the framework's page; then the same pages on a phone.
/// </summary>
public sealed class FrameworkJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_system_admin_reads_a_framework_and_adds_an_item_to_an_indicator(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var page = await host.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(page).SignInAsync("admin@phatthana.demo", DemoSeeder.Password);

        var frameworks = new FrameworksPage(page);
        await frameworks.OpenFromMenuAsync();
        await Assertions.Expect(frameworks.Heading).ToHaveTextAsync("กรอบการประเมิน");
        await Assertions.Expect(frameworks.Rows).ToHaveCountAsync(2);
        await frameworks.ScreenshotAsync($"frameworks-list-{provider}");

        await frameworks.OpenAsync("ESA2557-S1");
        await Assertions.Expect(frameworks.Heading).ToContainTextAsync("มาตรฐานสำนักงานเขตพื้นที่การศึกษา");
        var first = page.Locator("#indicator-1\\.1");
        await Assertions.Expect(first).ToContainTextAsync("หลักฐานชัดเจน ≥ 6 ข้อ → ระดับ 5, ≥ 5 → 4, ≥ 4 → 3, ≥ 3 → 2, น้อยกว่า 3 → 1");
        await Assertions.Expect(first.Locator("tbody tr").First).ToContainTextAsync("หลักฐานชัดเจนครบทั้ง 6 ข้อ");
        await frameworks.ScreenshotAsync($"framework-details-{provider}");
        // Printed, the page is the framework alone: no menu, no buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".page-head .actions")).ToBeHiddenAsync();
        await frameworks.ScreenshotAsync($"framework-print-{provider}");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await frameworks.EditAsync();
        await frameworks.ScreenshotAsync($"framework-editor-{provider}");
        await frameworks.EditIndicatorAsync("1.2");
        await Assertions.Expect(frameworks.Heading).ToHaveTextAsync("แก้ไขตัวชี้วัด 1.2");

        // Indicator 1.2 has four items; a level asking for seven clear ones is refused under its cell, nothing saved.
        await frameworks.Cell("แถวที่ 1 หลักฐานชัดเจนอย่างน้อย (ข้อ)").FillAsync("7");
        await frameworks.SaveAsync();
        await Assertions.Expect(frameworks.Errors).ToContainTextAsync("พบข้อผิดพลาด 1 รายการ");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Indicator.Levels[0].MinClear']")).ToContainTextAsync("มีเพียง 4 ข้อ");
        await frameworks.ScreenshotAsync($"framework-indicator-errors-{provider}");

        await frameworks.Cell("แถวที่ 1 หลักฐานชัดเจนอย่างน้อย (ข้อ)").FillAsync("5");
        await frameworks.Cell("แถวที่ 5 ข้อความ").FillAsync("มีการเผยแพร่ผลการดำเนินงานต่อสาธารณะ");
        await frameworks.SaveAsync();
        await Assertions.Expect(frameworks.Flash).ToContainTextAsync("บันทึกตัวชี้วัด 1.2 แล้ว");

        await page.GetByRole(AriaRole.Link, new() { Name = "ESA2557-S1", Exact = true }).ClickAsync();
        var second = page.Locator("#indicator-1\\.2");
        await Assertions.Expect(second.Locator("ol.fw-items li")).ToHaveCountAsync(5);
        await Assertions.Expect(second).ToContainTextAsync("มีการเผยแพร่ผลการดำเนินงานต่อสาธารณะ");
        await Assertions.Expect(second).ToContainTextAsync("หลักฐานชัดเจน ≥ 5 ข้อ → ระดับ 5");
        Assert.Empty(scriptErrors);

        // Every framework page on a desktop (the rest) and on a phone (all), for a person to look at; none scrolls sideways.
        const string obec = "/assessment/frameworks/OBEC-S5-55-56";
        (string Path, string Name)[] rest =
        [
            ("/assessment/frameworks/ESA2557-S1?revision=1", "old-revision"), ("/assessment/frameworks/new", "new"),
            ("/assessment/frameworks/new?from=ESA2557-S1", "copy"), ("/assessment/frameworks/import", "import"), ($"{obec}/standards/new", "standard-new"),
            ($"{obec}/standards/1/edit", "standard-edit"), ($"{obec}/standards/1/delete", "standard-delete"), ($"{obec}/standards/1/indicators/new", "indicator-new"),
            ($"{obec}/indicators/1.2/delete", "indicator-delete"),
        ];
        var phone = await host.NewPageAsync(width: 390, height: 844);
        await new LoginPage(phone).SignInAsync("admin@phatthana.demo", DemoSeeder.Password);
        foreach (var (screen, kind, pages) in new[]
                 {
                     (page, "desktop", rest),
                     (phone, "phone", [("/assessment/frameworks", "list"), (obec, "details"), ($"{obec}/edit", "editor"), ($"{obec}/indicators/1.2/edit", "indicator"), .. rest]),
                 })
            foreach (var (path, name) in pages)
            {
                await screen.GotoAsync(path);
                await Assertions.Expect(screen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                Assert.True(await screen.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways on a {kind}");
                await screen.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"framework-{kind}-{name}-{provider}"), FullPage = true });
            }
        Assert.Empty(scriptErrors);
    }
}
