using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// A teacher submits their ID Plan; their director sees the inbox badge go up in the header, opens the inbox, follows the
/// notification to the plan waiting for them, and the badge goes down again.
/// </summary>
public sealed partial class NotificationJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_director_sees_the_badge_for_a_submitted_plan_and_follows_it_to_the_plan(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var scriptErrors = new List<string>();
        var director = await host.NewPageAsync();
        director.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(director).SignInAsync("director@phatthana.demo", DemoSeeder.Password);
        var bell = director.Locator("a.inbox-link");
        await Assertions.Expect(bell).ToBeVisibleAsync();
        var before = await UnreadAsync(director);

        var teacher = await host.NewPageAsync();
        await new LoginPage(teacher).SignInAsync("teacher@phatthana.demo", DemoSeeder.Password);
        await teacher.GetByRole(AriaRole.Link, new() { Name = "แผนพัฒนาตนเองของฉัน" }).ClickAsync();
        var plan = new IdPlanPage(teacher);
        await plan.AssessEveryCompetencyAsync(3);
        await plan.NeedAsync(0, 1, "การออกแบบการจัดการเรียนรู้เชิงรุก (Active Learning)", "ประชุมเชิงปฏิบัติการ", "ออกแบบหน่วยการเรียนรู้เชิงรุกได้");
        await plan.SubmitAsync();
        await Assertions.Expect(plan.Status).ToHaveTextAsync("ส่งแล้ว รอพิจารณา");

        // The director's next page shows one more unread in the header.
        await director.ReloadAsync();
        await Assertions.Expect(director.Locator("#inbox-count")).ToHaveTextAsync((before + 1).ToString());
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"การแจ้งเตือน ยังไม่อ่าน {before + 1} รายการ");
        await director.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"inbox-badge-{provider}") });

        // The inbox lists it, unread, first; following it opens the plan waiting for the director's decision.
        await bell.ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync(new Regex("/me/notifications$"));
        var item = director.Locator("ul.inbox li.unread").First;
        await Assertions.Expect(item).ToContainTextAsync("แผนพัฒนาตนเองรอพิจารณา");
        await Assertions.Expect(item).ToContainTextAsync("แผนพัฒนาตนเอง (ID Plan)");
        await director.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"inbox-{provider}"), FullPage = true });
        await item.Locator("a.inbox-title").ClickAsync();
        await Assertions.Expect(director).ToHaveURLAsync(PlanPath());
        await Assertions.Expect(new IdPlanPage(director).Status).ToHaveTextAsync("ส่งแล้ว รอพิจารณา");
        await Assertions.Expect(director.GetByRole(AriaRole.Button, new() { Name = "อนุมัติแผน" })).ToBeVisibleAsync();
        Assert.Equal(before, await UnreadAsync(director));

        // The unread filter no longer lists it.
        await director.GotoAsync("/me/notifications?unread=true");
        await Assertions.Expect(director.Locator("ul.inbox li", new() { HasText = "แผนพัฒนาตนเองรอพิจารณา" })).ToHaveCountAsync(0);
        Assert.Empty(scriptErrors);
    }

    private static async Task<int> UnreadAsync(IPage page) =>
        await page.Locator("#inbox-count").CountAsync() == 0 ? 0 : int.Parse(await page.Locator("#inbox-count").InnerTextAsync());

    [GeneratedRegex(@"/people/[0-9a-f-]{36}/id-plans/\d{4}$")]
    private static partial Regex PlanPath();
}
