using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>Area staff sign in, add a school, find it in the list and export the list — in Chromium, on both providers.</summary>
public sealed class SchoolJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Sign_in_create_a_school_find_it_and_export_the_list(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var page = await host.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };

        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("เพชรบุรี เขต 1");

        var schools = new SchoolsPage(page, DemoSeeder.AreaCode);
        await schools.OpenAsync();
        var form = await schools.AddAsync();
        var code = $"90{Random.Shared.Next(10_000_000, 99_999_999)}";
        await form.FillAsync(code, "โรงเรียนวัดทดสอบเบราว์เซอร์", "ขยายโอกาสทางการศึกษา", "บ้านลาด");
        await form.SaveAsync();
        await page.WaitForURLAsync($"**/schools/{code}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("เพิ่มโรงเรียนวัดทดสอบเบราว์เซอร์แล้ว");

        await schools.OpenAsync();
        await schools.SearchAsync("ทดสอบเบราว์เซอร์");
        await Assertions.Expect(schools.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(schools.Rows.First).ToContainTextAsync(code);
        await Assertions.Expect(schools.Rows.First).ToContainTextAsync("ขยายโอกาสทางการศึกษา");
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"schools-search-{provider}"), FullPage = true });

        var download = await schools.ExportAsync();
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var sheet = Workbook.Read(await File.ReadAllBytesAsync(await download.PathAsync()));
        var rows = Workbook.RowsAfter(sheet, "รหัสสถานศึกษา");
        var row = Assert.Single(rows);
        Assert.Equal(code, row[0]?.ToString());
        Assert.Equal("โรงเรียนวัดทดสอบเบราว์เซอร์", row[1]?.ToString());

        Assert.Empty(scriptErrors);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_school_list_reads_on_a_phone(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var page = await host.NewPageAsync(width: 390, height: 844);
        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);
        await page.GotoAsync($"/areas/{DemoSeeder.AreaCode}/schools");

        // The menu starts folded and the page does not scroll sideways.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "กลุ่มเครือข่าย" })).Not.ToBeVisibleAsync();
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide on a 390px phone");
        await page.GetByText("เมนู").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "กลุ่มเครือข่าย" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"schools-phone-{provider}"), FullPage = false });
    }
}
