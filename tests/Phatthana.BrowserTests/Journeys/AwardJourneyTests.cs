using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// A monthly award from nomination to certificate: area staff set up the programme (criteria, committee of themself and the
/// supervisor) and open this month's selection; the teacher puts herself forward with a PDF of her work; area staff close
/// nominations; both committee members score her; area staff announce; the teacher finds the award on her profile, downloads
/// the certificate and the public page verifies it.
/// </summary>
public sealed class AwardJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_teacher_is_nominated_scored_announced_and_gets_her_certificate(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var scriptErrors = new List<string>();
        var area = await host.NewPageAsync();
        area.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        area.Dialog += (_, d) => d.AcceptAsync();
        await new LoginPage(area).SignInAsync("area@phatthana.demo", DemoSeeder.Password);

        // The programme, from the menu.
        await area.GetByRole(AriaRole.Link, new() { Name = "รางวัลและการเชิดชูเกียรติ" }).ClickAsync();
        await area.GetByRole(AriaRole.Link, new() { Name = "เพิ่มโครงการรางวัล" }).ClickAsync();
        await area.GetByLabel("ชื่อโครงการรางวัล").FillAsync("ครูผู้สอนดีเด่นประจำเดือน");
        await area.GetByLabel("รอบการคัดเลือก").SelectOptionAsync("Monthly");
        await area.GetByLabel("เสนอชื่อตนเองได้").CheckAsync();
        string[][] criteria = [["ผลการปฏิบัติงาน", "60", "0", "10"], ["คุณธรรม จริยธรรม", "40", "1", "5"]];
        for (var i = 0; i < criteria.Length; i++)
        {
            await area.GetByLabel($"หลักเกณฑ์ข้อ {i + 1}", new() { Exact = true }).FillAsync(criteria[i][0]);
            await area.GetByLabel($"น้ำหนักข้อ {i + 1}", new() { Exact = true }).FillAsync(criteria[i][1]);
            await area.GetByLabel($"คะแนนต่ำสุดข้อ {i + 1}", new() { Exact = true }).FillAsync(criteria[i][2]);
            await area.GetByLabel($"คะแนนเต็มข้อ {i + 1}", new() { Exact = true }).FillAsync(criteria[i][3]);
        }
        // A weight short of 100 is said at once, and nothing is saved.
        await area.GetByLabel("น้ำหนักข้อ 2", new() { Exact = true }).FillAsync("30");
        await area.GetByLabel("อีเมลกรรมการคนที่ 1", new() { Exact = true }).FillAsync("area@phatthana.demo");
        await area.GetByLabel("อีเมลกรรมการคนที่ 2", new() { Exact = true }).FillAsync("supervisor@phatthana.demo");
        await area.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
        await Assertions.Expect(area.Locator("main")).ToContainTextAsync("รวมกันต้องเท่ากับ 100");
        await area.GetByLabel("น้ำหนักข้อ 2", new() { Exact = true }).FillAsync("40");
        await area.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
        await Assertions.Expect(area.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ครูผู้สอนดีเด่นประจำเดือน");

        // This month's selection, with the proposed window.
        await area.GetByRole(AriaRole.Button, new() { Name = "เปิดการคัดเลือก" }).ClickAsync();
        await Assertions.Expect(area.Locator(".badge").First).ToHaveTextAsync("เปิดรับการเสนอชื่อ");
        var selectionUrl = area.Url;

        // The teacher puts herself forward with her work as a PDF.
        var teacher = await host.NewPageAsync();
        teacher.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(teacher).SignInAsync("teacher@phatthana.demo", DemoSeeder.Password);
        await teacher.GotoAsync(selectionUrl);
        await teacher.GetByLabel("ผลงานและเหตุผลที่เสนอชื่อ").FillAsync("จัดกิจกรรมการเรียนรู้เชิงรุก นักเรียนมีผลสัมฤทธิ์สูงขึ้น");
        var pdf = new byte[1024];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        await teacher.GetByLabel("หลักฐานผลงาน (แนบเพิ่มได้ภายหลัง)").SetInputFilesAsync(new FilePayload { Name = "ผลงาน.pdf", MimeType = "application/pdf", Buffer = pdf });
        await teacher.GetByRole(AriaRole.Button, new() { Name = "ส่งการเสนอชื่อ" }).ClickAsync();
        await Assertions.Expect(teacher.Locator("main")).ToContainTextAsync("เสนอชื่อและแนบหลักฐานแล้ว");
        await Assertions.Expect(teacher.GetByRole(AriaRole.Link, new() { Name = "ผลงาน.pdf" })).ToBeVisibleAsync();

        // Area staff close nominations; both members score her.
        await area.GotoAsync(selectionUrl);
        await area.GetByRole(AriaRole.Button, new() { Name = "ปิดรับการเสนอชื่อ" }).ClickAsync();
        await Assertions.Expect(area.Locator(".badge").First).ToHaveTextAsync("กรรมการพิจารณาให้คะแนน");
        await ScoreAsync(area, "9", "4");   // 54 + 32 = 86
        var supervisor = await host.NewPageAsync();
        await new LoginPage(supervisor).SignInAsync("supervisor@phatthana.demo", DemoSeeder.Password);
        await supervisor.GotoAsync(selectionUrl);
        await ScoreAsync(supervisor, "7", "5", firstTry: "11"); // 42 + 40 = 82; 11 of 10 refused first

        // Announced: the mean, 84.00, ranks her first.
        await area.GotoAsync(selectionUrl);
        await area.GetByRole(AriaRole.Button, new() { Name = "ประกาศผลการคัดเลือก" }).ClickAsync();
        var row = area.GetByRole(AriaRole.Table, new() { Name = "อันดับ" }).Locator("tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("84.00");
        await Assertions.Expect(row).ToContainTextAsync("ได้รับรางวัล");
        await area.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"award-announced-{provider}"), FullPage = true });

        // Her profile lists the award; the certificate is a PDF and its code verifies publicly.
        await teacher.GetByRole(AriaRole.Link, new() { Name = "ประวัติของฉัน" }).ClickAsync();
        var awards = teacher.GetByRole(AriaRole.Table, new() { Name = "รางวัลที่ได้รับ" });
        await Assertions.Expect(awards).ToContainTextAsync("ครูผู้สอนดีเด่นประจำเดือน");
        var certificate = awards.Locator("tr", new() { HasText = "ครูผู้สอนดีเด่นประจำเดือน" }).Locator("a[href$='/certificate']");
        var response = await teacher.APIRequest.GetAsync((await certificate.GetAttributeAsync("href"))!);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var selection = await area.APIRequest.GetAsync("/api/v1" + new Uri(selectionUrl).AbsolutePath);
        var code = System.Text.Json.JsonDocument.Parse(await selection.TextAsync()).RootElement.GetProperty("standings")[0].GetProperty("certificateCode").GetString();
        var verify = await host.NewPageAsync();
        await verify.GotoAsync($"/verify/{code}");
        await Assertions.Expect(verify.Locator("main")).ToContainTextAsync("ครูผู้สอนดีเด่นประจำเดือน");
        Assert.Empty(scriptErrors);
    }

    /// <summary>Opens the only nominee from the selection's ranking and gives the two scores (after an out-of-range try, if given).</summary>
    private static async Task ScoreAsync(IPage page, string work, string conduct, string? firstTry = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "ให้คะแนน" }).ClickAsync();
        if (firstTry is not null)
        {
            await page.GetByLabel("ผลการปฏิบัติงาน").FillAsync(firstTry);
            await page.GetByLabel("คุณธรรม จริยธรรม").FillAsync(conduct);
            await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกคะแนน" }).ClickAsync();
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ต้องอยู่ระหว่าง 0 ถึง 10");
        }
        await page.GetByLabel("ผลการปฏิบัติงาน").FillAsync(work);
        await page.GetByLabel("คุณธรรม จริยธรรม").FillAsync(conduct);
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกคะแนน" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("บันทึกคะแนนแล้ว");
    }
}
