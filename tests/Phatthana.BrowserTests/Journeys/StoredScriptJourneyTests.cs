using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// Stored script: names holding <c>&lt;img onerror&gt;</c> and <c>&lt;script&gt;</c> payloads, saved through the API, are shown
/// by every page that lists or shows them (lists, detail pages, search, the district list, the summary report, the audit
/// log) as text. In Chromium the payload never runs (window.__xss stays unset, no dialog opens) and no element is made of it.
/// </summary>
public sealed class StoredScriptJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string Img = "<img src=x onerror=window.__xss=1;alert(1)>";
    private const string Script = "<script>window.__xss=1;alert(2)</script>";

    /// <summary>A valid Thai national ID (13 digits, the last a check digit) that the demo does not use (it starts with 9).</summary>
    private static string NationalId()
    {
        var first = $"9{Random.Shared.NextInt64(10_000_000_000, 99_999_999_999)}";
        return first + Web.Features.Personnel.NationalId.CheckDigit(first);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Script_payloads_stored_in_names_never_run_on_the_pages_that_show_them(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        using var api = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "admin@phatthana.demo", password = DemoSeeder.Password });
        token.EnsureSuccessStatusCode();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString());

        var area = DemoSeeder.AreaCode;
        var school = $"90{Random.Shared.Next(10_000_000, 99_999_999)}";
        var created = await api.PostAsJsonAsync($"/api/v1/areas/{area}/schools", new { code = school, name = $"โรงเรียน {Img}", type = "Primary", district = "บ้านลาด" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var person = NationalId();
        created = await api.PostAsJsonAsync($"/api/v1/areas/{area}/people", new
        {
            nationalId = person, title = "นางสาว", firstName = Script, lastName = Img, gender = "Female", birthDate = "1985-06-15",
            position = "Teacher", academicStanding = "Professional", major = "Thai", teachingSubjectAreas = new[] { "Thai" }, school, startDate = "2010-05-16",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        created = await api.PostAsJsonAsync($"/api/v1/areas/{area}/districts", new { name = $"อำเภอ{Script}" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        var page = await host.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        await new LoginPage(page).SignInAsync("admin@phatthana.demo", DemoSeeder.Password);

        string[] urls =
        [
            $"/areas/{area}/schools?q=onerror", $"/schools/{school}", $"/areas/{area}/people?q=script", $"/people/{person}",
            $"/people/{person}/edit", $"/areas/{area}/districts", $"/areas/{area}/reports/schools-summary", "/audit",
        ];
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} → {response.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.False(await page.EvaluateAsync<bool>("() => window.__xss === 1"), $"the payload ran on {url}");
            Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
            Assert.Equal(0, await page.Locator("main script, .content script").CountAsync());
        }
        // Shown as the text that was typed (not dropped or mangled): the school page and the person's page.
        await page.GotoAsync($"/schools/{school}");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(Img);
        await page.GotoAsync($"/people/{person}");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(Script);
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"stored-script-{provider}"), FullPage = true });
        Assert.Empty(dialogs);
    }
}
