using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Development;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Setup;
using Position = Phatthana.Web.Features.Personnel.Position;
using Phatthana.Web.Shared.Auth;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// The area's development needs on the demo area (its ID Plans at every step and its survey answers); the
/// needs analysis and the plans' progress looked at on a desktop and a phone (neither scrolls sideways); a course made from
/// the top need, its askers registered into its first session.
/// </summary>
public sealed class DevelopmentNeedsJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Staff_read_the_needs_and_the_progress_and_make_a_course_from_the_top_need(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var people = await ArrangeAsync(host);
        var scriptErrors = new List<string>();
        var page = await host.NewPageAsync();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);
        var phone = await host.NewPageAsync(width: 390, height: 844);
        await new LoginPage(phone).SignInAsync("area@phatthana.demo", DemoSeeder.Password);

        // From the menu: the needs, then the progress; each on both screens.
        await page.GetByRole(AriaRole.Link, new() { Name = "ความต้องการในการพัฒนา" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ความต้องการในการพัฒนา");
        await Assertions.Expect(page.Locator("#topics-title ~ .table-scroll tbody tr").First).ToContainTextAsync(people.TopTopic);
        await page.GetByRole(AriaRole.Link, new() { Name = "ตำแหน่ง", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#breakdown-title")).ToHaveTextAsync("หัวข้อที่ต้องการพัฒนามากที่สุด จำแนกตามตำแหน่ง");
        var needsUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "ความก้าวหน้าแผนพัฒนาตนเอง" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".cards")).ToContainTextAsync("ร้อยละส่งแผนแล้ว");
        var progressUrl = page.Url;
        foreach (var (screen, kind) in new[] { (page, "desktop"), (phone, "phone") })
        {
            foreach (var (url, name) in new[] { (needsUrl, "needs"), (progressUrl, "progress"), (progressUrl + (progressUrl.Contains('?') ? "&" : "?") + "list=waiting", "waiting") })
            {
                await screen.GotoAsync(url);
                Assert.True(await screen.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways on a {kind}");
                await screen.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"development-{kind}-{name}-{provider}"), FullPage = true });
            }
        }

        // Searching the list of people without a submitted plan narrows it as one types.
        await page.GotoAsync(progressUrl);
        await page.GetByPlaceholder("ค้นหาชื่อหรือสถานศึกษาในรายชื่อ").FillAsync(people.Without.Split(' ')[0]);
        await Assertions.Expect(page.Locator("#people-title ~ .table-wrap tbody")).ToContainTextAsync(people.Without);

        // The top need becomes a course: the form comes filled in; a code and hours are all it asks.
        await page.GotoAsync(needsUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = NeedsAnalysisReport.CreateCourse }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("need-note")).ToContainTextAsync(people.TopTopic);
        await Assertions.Expect(page.GetByLabel("ชื่อหลักสูตร")).ToHaveValueAsync(people.TopTopic);
        await phone.GotoAsync(page.Url);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the new course form scrolls sideways on a phone");
        await phone.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"development-phone-new-course-{provider}"), FullPage = true });
        await page.GetByLabel("รหัสหลักสูตร").FillAsync("AL-2570");
        await page.GetByLabel("จำนวนชั่วโมง").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
        await Assertions.Expect(page.Locator("#need-title")).ToContainTextAsync("ผู้ที่ต้องการพัฒนาหัวข้อนี้");
        var courseUrl = page.Url;

        // A session of 5 seats, then everyone who asked, at once: five get a seat, the rest wait.
        await page.GetByLabel("ชื่อรุ่น").FillAsync("รุ่นที่ 1");
        await page.GetByLabel("วันเริ่ม").FillAsync("15/01/2570");
        await page.GetByLabel("วันสิ้นสุด").FillAsync("16/01/2570");
        await page.GetByLabel("สถานที่").FillAsync("ห้องประชุมสำนักงานเขต");
        await page.GetByLabel("จำนวนที่รับ (คน)").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "เพิ่มรุ่น" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/sessions/"));
        await page.GotoAsync(courseUrl);
        await page.GetByLabel("รุ่นที่จะลงทะเบียน").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("เหตุผลที่รวมผู้ไม่อยู่ในกลุ่มเป้าหมาย").FillAsync("ระบุไว้ในแผนพัฒนาตนเอง");
        await page.GetByRole(AriaRole.Button, new() { Name = "ลงทะเบียนทุกคนเข้ารุ่นที่เลือก" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=status]").First).ToContainTextAsync("ลงทะเบียน 5 คน");
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"development-desktop-course-{provider}"), FullPage = true });
        await phone.GotoAsync(page.Url);
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the course page scrolls sideways on a phone");
        await phone.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"development-phone-course-{provider}"), FullPage = true });
        Assert.True(scriptErrors.Count == 0, string.Join("\n", scriptErrors));
    }

    private sealed record Arranged(string Without, string TopTopic);

    /// <summary>
    /// The demo's own year of ID Plans and survey answers: who leads the analysis (read through the API as area staff) and one
    /// teacher of the first school with no plan at all, to search for.
    /// </summary>
    private static async Task<Arranged> ArrangeAsync(BrowserHost host)
    {
        var year = Phatthana.Web.Shared.Thai.SchoolCalendar.FiscalYearOf(Phatthana.Web.Shared.Thai.ThaiDate.TodayInThailand(TimeProvider.System));
        string without;
        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<UserScope>().UseSystem();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var areaId = await db.Areas.Where(a => a.Code == DemoSeeder.AreaCode).Select(a => a.Id).SingleAsync();
            var person = await db.People.Where(p => p.AreaId == areaId && p.Status == PersonStatus.Active && p.Position == Position.Teacher && p.SchoolId != null
                                                    && !db.IdPlans.Any(x => x.PersonId == p.Id && x.FiscalYear == year))
                .OrderBy(p => p.NationalId).Select(p => new { p.FirstName, p.LastName }).FirstAsync();
            without = $"{person.FirstName} {person.LastName}";
        }
        using var api = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        var token = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "area@phatthana.demo", password = DemoSeeder.Password })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        var analysis = await api.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{DemoSeeder.AreaCode}/needs-analysis?fiscalYear={year}");
        var top = analysis.GetProperty("topics")[0];
        Assert.True(top.GetProperty("people").GetInt32() > 5, "the demo's top need has few askers");
        return new Arranged(without, top.GetProperty("topic").GetString()!);
    }
}
