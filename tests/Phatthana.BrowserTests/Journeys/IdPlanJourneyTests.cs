using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// A teacher writes and submits this year's ID Plan; their director returns it with a comment; the teacher sees the
/// comment, fixes the plan and submits it again; the director approves it; the area's needs analysis counts it.
/// </summary>
public sealed class IdPlanJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teacher_submits_the_director_returns_the_teacher_fixes_and_the_director_approves(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        const string assessmentTopic = "การวัดและประเมินผลตามสภาพจริง";
        var area = await host.NewPageAsync();
        await new LoginPage(area).SignInAsync("area@phatthana.demo", DemoSeeder.Password);
        var askersBefore = await AskersAsync(area, assessmentTopic);
        var scriptErrors = new List<string>();
        var teacher = await host.NewPageAsync();
        teacher.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(teacher).SignInAsync("teacher@phatthana.demo", DemoSeeder.Password);
        var director = await host.NewPageAsync();
        await new LoginPage(director).SignInAsync("director@phatthana.demo", DemoSeeder.Password);

        // The teacher's plan, from the menu: every competency assessed, one need with its method and outcome, submitted.
        await teacher.GetByRole(AriaRole.Link, new() { Name = "แผนพัฒนาตนเองของฉัน" }).ClickAsync();
        var plan = new IdPlanPage(teacher);
        await plan.AssessEveryCompetencyAsync(3);
        await plan.NeedAsync(0, 1, "การออกแบบการจัดการเรียนรู้เชิงรุก (Active Learning)", "ประชุมเชิงปฏิบัติการ", "ออกแบบหน่วยการเรียนรู้เชิงรุกได้");
        await plan.SubmitAsync();
        await Assertions.Expect(plan.Status).ToHaveTextAsync("ส่งแล้ว รอพิจารณา");
        var planUrl = teacher.Url;

        // The director returns it with a comment.
        await director.GotoAsync(planUrl);
        await director.GetByLabel("ความเห็นที่ส่งคืนให้แก้ไข").FillAsync("เพิ่มหัวข้อการวัดและประเมินผลตามสภาพจริงด้วย");
        await director.GetByRole(AriaRole.Button, new() { Name = "ส่งคืนพร้อมความเห็น" }).ClickAsync();
        await Assertions.Expect(new IdPlanPage(director).Status).ToHaveTextAsync("ส่งคืนให้แก้ไข");

        // The teacher sees why, adds the topic and submits again.
        await teacher.ReloadAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Alert)).ToContainTextAsync("เพิ่มหัวข้อการวัดและประเมินผลตามสภาพจริงด้วย");
        await plan.NeedAsync(1, 2, "การวัดและประเมินผลตามสภาพจริง", "อบรม", "สร้างเครื่องมือประเมินตามสภาพจริงได้");
        await plan.SubmitAsync();
        await Assertions.Expect(plan.Status).ToHaveTextAsync("ส่งแล้ว รอพิจารณา");
        await teacher.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"id-plan-submitted-{provider}"), FullPage = true });

        // The director approves.
        await director.GotoAsync(planUrl);
        await Assertions.Expect(director.Locator("main")).ToContainTextAsync("การวัดและประเมินผลตามสภาพจริง");
        await director.GetByRole(AriaRole.Button, new() { Name = "อนุมัติแผน" }).ClickAsync();
        await Assertions.Expect(new IdPlanPage(director).Status).ToHaveTextAsync("อนุมัติแล้ว");
        await teacher.ReloadAsync();
        await Assertions.Expect(plan.Status).ToHaveTextAsync("อนุมัติแล้ว");
        await Assertions.Expect(teacher.Locator("#plan-form")).ToHaveCountAsync(0);

        // The area's needs analysis counts the approved plan: one more person asks for the topic, on the page too.
        var askersAfter = await AskersAsync(area, assessmentTopic);
        Assert.Equal(askersBefore + 1, askersAfter);
        await area.GotoAsync($"/areas/{DemoSeeder.AreaCode}/development/needs");
        await Assertions.Expect(area.Locator("#topics-title ~ .table-scroll tbody tr", new() { HasText = assessmentTopic }).First).ToContainTextAsync(askersAfter.ToString("#,0"));
        Assert.Empty(scriptErrors);
    }

    /// <summary>How many people ask for the topic this fiscal year, by the needs analysis the area's staff read.</summary>
    private static async Task<int> AskersAsync(IPage page, string topic)
    {
        var response = await page.APIRequest.GetAsync($"/api/v1/areas/{DemoSeeder.AreaCode}/needs-analysis");
        Assert.True(response.Ok, await response.TextAsync());
        var topics = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("topics").EnumerateArray();
        return topics.Where(t => t.GetProperty("topic").GetString() == topic).Select(t => t.GetProperty("people").GetInt32()).FirstOrDefault();
    }
}
