using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// Area staff create a course and a session, register three teachers, enter their results, issue and download the
/// certificates, and open the public page a certificate's QR code points to — signed out, as anyone who scans it would.
/// </summary>
public sealed class TrainingJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Course_session_three_registrations_results_certificates_and_the_public_check(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var page = await host.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);

        // A course.
        await page.GotoAsync($"/areas/{DemoSeeder.AreaCode}/courses/new");
        await page.GetByLabel("รหัสหลักสูตร").FillAsync("JRN-01");
        await page.GetByLabel("รูปแบบการพัฒนา").SelectOptionAsync("Training");
        await page.GetByLabel("ชื่อหลักสูตร").FillAsync("การออกแบบการเรียนรู้ฐานสมรรถนะ");
        await page.GetByLabel("จำนวนชั่วโมง").FillAsync("6");
        await page.GetByLabel("เกณฑ์ผ่าน (ร้อยละของคะแนนหลังอบรม)").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/courses/[0-9a-f-]{36}$"));

        // A session of three seats.
        await page.GetByLabel("ชื่อรุ่น").FillAsync("รุ่นที่ 1");
        await page.GetByLabel("จำนวนที่รับ (คน)").FillAsync("3");
        await page.GetByLabel("วันเริ่ม").FillAsync("01/12/2569");
        await page.GetByLabel("วันสิ้นสุด").FillAsync("01/12/2569");
        await page.GetByLabel("สถานที่", new() { Exact = true }).FillAsync("ห้องประชุมสำนักงานเขตพื้นที่");
        await page.GetByRole(AriaRole.Button, new() { Name = "เพิ่มรุ่น" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/sessions/[0-9a-f-]{36}$"));
        var sessionUrl = page.Url;

        // Three teachers of the demo area, registered by national ID.
        var people = await page.APIRequest.GetAsync($"/api/v1/areas/{DemoSeeder.AreaCode}/people?position=Teacher");
        Assert.True(people.Ok, await people.TextAsync());
        var teachers = JsonDocument.Parse(await people.TextAsync()).RootElement.EnumerateArray()
            .Select(p => (Id: p.GetProperty("nationalId").GetString()!, Name: p.GetProperty("firstName").GetString()!)).Take(3).ToList();
        Assert.Equal(3, teachers.Count);
        foreach (var (id, _) in teachers)
        {
            await page.GetByLabel("เลขประจำตัวประชาชน").FillAsync(id);
            await page.GetByRole(AriaRole.Button, new() { Name = "ลงทะเบียน", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(sessionUrl);
        }
        foreach (var (_, name) in teachers)
            await Assertions.Expect(page.Locator("table")).ToContainTextAsync(name);

        // Results: two pass (post-test 80 ≥ 60), one does not attend.
        await page.GotoAsync(sessionUrl + "/results");
        var rows = page.Locator("form table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            var row = rows.Nth(i);
            if (i < 2)
            {
                await row.Locator("input[type=checkbox]").CheckAsync();
                await row.Locator("input[name$='.PreTest']").FillAsync("50");
                await row.Locator("input[name$='.PostTest']").FillAsync("80");
            }
            else await row.Locator("input[type=checkbox]").UncheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "บันทึกผล" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/results$"));
        await Assertions.Expect(page.Locator("form table")).ToContainTextAsync("ไม่ผ่าน");

        // Certificates for the two who passed, downloaded as one PDF.
        await page.GotoAsync(sessionUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "ออกเกียรติบัตรให้ผู้ผ่าน" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/sessions/[0-9a-f-]{36}"));
        var numbers = page.Locator("td[data-label='เกียรติบัตร'] a");
        await Assertions.Expect(numbers).ToHaveCountAsync(2);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "ดาวน์โหลดเกียรติบัตรทั้งรุ่น (PDF)" }).ClickAsync());
        var text = Poppler.Text(await File.ReadAllBytesAsync(await download.PathAsync()));
        Assert.Contains("การออกแบบการเรียนรู้ฐานสมรรถนะ", text, StringComparison.Ordinal);
        Assert.Contains(teachers[0].Name, text, StringComparison.Ordinal);
        var verifyPath = await numbers.First.GetAttributeAsync("href");
        Assert.Matches("^/verify/[A-Z0-9]+$", verifyPath);
        Assert.Contains(verifyPath!, text.Replace("\n", ""), StringComparison.Ordinal); // the QR's address is printed under it
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"training-session-{provider}"), FullPage = true });

        // The QR link's page, for anyone: holder and course, never a national ID.
        var stranger = await host.NewPageAsync();
        await stranger.GotoAsync(verifyPath!);
        await Assertions.Expect(stranger.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ตรวจสอบเกียรติบัตร");
        await Assertions.Expect(stranger.Locator("main")).ToContainTextAsync("การออกแบบการเรียนรู้ฐานสมรรถนะ");
        Assert.DoesNotContain(teachers[0].Id, await stranger.ContentAsync(), StringComparison.Ordinal);
        await stranger.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"training-verify-{provider}"), FullPage = true });
        Assert.Empty(scriptErrors);
    }
}
