using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// On the demo area: teacher@, whose plan is still a draft, answers this year's needs survey on a phone from the menu; the
/// area's staff find them among those who answered and retire a topic in the catalogue, which the teacher's form then
/// marks as retired. The catalogue and survey pages are kept as screenshots at 1280 and 390 px.
/// </summary>
public sealed class NeedsSurveyJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string Plc = "ชุมชนแห่งการเรียนรู้ทางวิชาชีพ (PLC)";

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teacher_answers_the_survey_on_a_phone_and_area_staff_follow_it_and_retire_a_topic(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var scriptErrors = new List<string>();
        var teacher = await host.NewPageAsync(390, 844);
        teacher.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(teacher).SignInAsync("teacher@phatthana.demo", DemoSeeder.Password);

        await teacher.GetByText("เมนู").ClickAsync();
        await teacher.GetByRole(AriaRole.Link, new() { Name = "แบบสำรวจความต้องการของฉัน" }).ClickAsync();
        await teacher.GetByRole(AriaRole.Link, new() { Name = "ตอบแบบสำรวจ" }).ClickAsync();
        await teacher.WaitForURLAsync(new Regex("/needs-surveys/[0-9a-f-]{36}/respond/[0-9a-f-]{36}$"));
        var form = teacher.Url;
        await Assertions.Expect(teacher.Locator("#Rows_0__Topic option", new() { HasText = Plc })).ToHaveCountAsync(1);
        await teacher.Locator("#Rows_0__Topic").SelectOptionAsync(new SelectOptionValue { Label = "การออกแบบการจัดการเรียนรู้เชิงรุก (Active Learning)" });
        await teacher.GetByRole(AriaRole.Group, new() { Name = "ลำดับที่ 1" }).GetByLabel("ประชุมเชิงปฏิบัติการ").CheckAsync();
        await teacher.Locator("#Rows_1__Topic").SelectOptionAsync(new SelectOptionValue { Label = Plc });
        await teacher.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"needs-survey-form-390-{provider}"), FullPage = true });
        await teacher.GetByRole(AriaRole.Button, new() { Name = "บันทึกคำตอบ" }).ClickAsync();
        await Assertions.Expect(teacher.Locator("main")).ToContainTextAsync("บันทึกคำตอบของ นางสาวสุดารัตน์ แก้วมณี แล้ว 2 หัวข้อ");

        var staff = await host.NewPageAsync();
        await new LoginPage(staff).SignInAsync("area@phatthana.demo", DemoSeeder.Password);
        await staff.GetByRole(AriaRole.Link, new() { Name = "สำรวจความต้องการพัฒนา" }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^สำรวจความต้องการในการพัฒนาครู") }).ClickAsync();
        await staff.GetByLabel("การตอบ", new() { Exact = true }).SelectOptionAsync("Form");
        await staff.GetByRole(AriaRole.Searchbox).FillAsync("สุดารัตน์");
        await staff.WaitForURLAsync(new Regex("answer=Form.*q=|q=.*answer=Form"));
        await Assertions.Expect(staff.Locator("#list tbody")).ToContainTextAsync("นางสาวสุดารัตน์ แก้วมณี");
        await staff.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"needs-survey-1280-{provider}"), FullPage = true });

        // PLC is asked for, so it is retired rather than deleted.
        await staff.GetByRole(AriaRole.Link, new() { Name = "สมรรถนะและหัวข้อการพัฒนา" }).ClickAsync();
        await staff.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"catalogue-1280-{provider}"), FullPage = true });
        await staff.GetByRole(AriaRole.Link, new() { Name = Plc }).ClickAsync();
        await staff.GetByRole(AriaRole.Link, new() { Name = "เลิกใช้หัวข้อนี้" }).ClickAsync();
        await Assertions.Expect(staff.Locator(".danger-zone")).ToContainTextAsync("ลบหัวข้อ \"" + Plc + "\" ไม่ได้ เพราะ");
        await staff.GetByRole(AriaRole.Button, new() { Name = "เลิกใช้แทน" }).ClickAsync();
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("เลิกใช้หัวข้อ " + Plc + " แล้ว");

        // Their answer keeps it, marked, until they choose another.
        await teacher.GotoAsync(form);
        await Assertions.Expect(teacher.Locator("#Rows_1__Topic option:checked")).ToHaveTextAsync(Plc + " (เลิกใช้แล้ว)");
        var phone = await host.NewPageAsync(390, 844);
        await new LoginPage(phone).SignInAsync("area@phatthana.demo", DemoSeeder.Password);
        await phone.GotoAsync($"/areas/{DemoSeeder.AreaCode}/development/competencies");
        await phone.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"catalogue-390-{provider}"), FullPage = true });
        Assert.Empty(scriptErrors);
    }
}
