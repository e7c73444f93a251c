using Microsoft.Playwright;
using MiniExcelLibs;
using Phatthana.BrowserTests.Infrastructure;
using Phatthana.BrowserTests.Pages;
using Phatthana.Tests.Infrastructure;
using Phatthana.Web.Data;
using Phatthana.Web.Features.Personnel;
using Phatthana.Web.Features.Setup;

namespace Phatthana.BrowserTests.Journeys;

/// <summary>
/// Area staff import a personnel file with two bad rows, read what is wrong (on the page and in the returned file), fix
/// the file, import it again, and see the data-quality page count the new people — in Chromium, on both providers.
/// </summary>
public sealed class ImportJourneyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    private const string School = "1076000001"; // a demo school

    [Theory, MemberData(nameof(Providers))]
    public async Task Import_a_file_with_two_bad_rows_fix_it_import_again_and_see_the_dashboard_change(DatabaseProvider provider)
    {
        await using var host = await BrowserHost.StartAsync(provider);
        var page = await host.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") scriptErrors.Add(m.Text); };
        await new LoginPage(page).SignInAsync("area@phatthana.demo", DemoSeeder.Password);

        var quality = new DataQualityPage(page, DemoSeeder.AreaCode);
        await quality.OpenAsync();
        var peopleBefore = await quality.FigureAsync("บุคลากรที่ปฏิบัติงานอยู่");
        var incompleteBefore = await quality.FigureAsync("คนที่ข้อมูลสำคัญยังไม่ครบ");

        // Five teachers without birth dates; row 3 has a mistyped check digit, row 5 a school code that does not exist.
        var ids = Enumerable.Range(0, 5).Select(i => Id(i)).ToArray();
        var folder = Directory.CreateTempSubdirectory("phatthana-import-");
        var bad = Path.Combine(folder.FullName, "บุคลากรใหม่.xlsx");
        WritePeople(bad, ids, wrongDigitRow: 1, unknownSchoolRow: 3);

        var import = new ImportPage(page, DemoSeeder.AreaCode);
        await import.OpenAsync();
        await import.UploadAsync("บุคลากร", bad);
        await import.WaitForOutcomeAsync();
        await Assertions.Expect(import.Failure).ToContainTextAsync("ไม่ได้บันทึกข้อมูลใด");
        await Assertions.Expect(import.ErrorRows).ToHaveCountAsync(2);
        await Assertions.Expect(import.ErrorRows.Nth(0)).ToContainTextAsync("3");
        await Assertions.Expect(import.ErrorRows.Nth(0)).ToContainTextAsync("เลขตรวจสอบ");
        await Assertions.Expect(import.ErrorRows.Nth(1)).ToContainTextAsync("5");
        await Assertions.Expect(import.ErrorRows.Nth(1)).ToContainTextAsync("ไม่พบสถานศึกษารหัส");
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"import-errors-{provider}"), FullPage = true });

        // The file comes back with a column saying what is wrong on each bad row, and nothing else changed.
        var report = Workbook.Read(await File.ReadAllBytesAsync(await (await import.DownloadReportAsync()).PathAsync()));
        var header = report[0].Select(c => c?.ToString()).ToList();
        var errorColumn = header.IndexOf("ข้อผิดพลาด");
        Assert.True(errorColumn > 0, string.Join(",", header));
        Assert.Contains("เลขตรวจสอบ", report[2][errorColumn]?.ToString());
        Assert.Contains("ไม่พบสถานศึกษารหัส", report[4][errorColumn]?.ToString());
        Assert.True(report[1].Length <= errorColumn || string.IsNullOrEmpty(report[1][errorColumn]?.ToString()));
        Assert.Equal(ids[0], report[1][0]?.ToString());
        await quality.OpenAsync();
        Assert.Equal(peopleBefore, await quality.FigureAsync("บุคลากรที่ปฏิบัติงานอยู่"));

        // Fixed, the same file goes in whole.
        var good = Path.Combine(folder.FullName, "บุคลากรใหม่-แก้ไข.xlsx");
        WritePeople(good, ids, wrongDigitRow: null, unknownSchoolRow: null);
        await import.OpenAsync();
        await import.UploadAsync("บุคลากร", good);
        await import.WaitForOutcomeAsync();
        await Assertions.Expect(import.Success).ToContainTextAsync("เพิ่มใหม่ 5 รายการ");

        await quality.OpenAsync();
        Assert.Equal(peopleBefore + 5, await quality.FigureAsync("บุคลากรที่ปฏิบัติงานอยู่"));
        // They came without birth dates, so the page counts five more incomplete records.
        Assert.Equal(incompleteBefore + 5, await quality.FigureAsync("คนที่ข้อมูลสำคัญยังไม่ครบ"));
        await page.ScreenshotAsync(new() { Path = BrowserHost.ScreenshotPath($"data-quality-{provider}"), FullPage = true });

        await page.GotoAsync($"/areas/{DemoSeeder.AreaCode}/people?q=นำเข้าเบราว์เซอร์");
        await Assertions.Expect(page.Locator("#list tbody tr")).ToHaveCountAsync(5);
        Assert.Empty(scriptErrors);
        folder.Delete(recursive: true);
    }

    private static string Id(int i)
    {
        var first = $"17{Random.Shared.Next(0, 1_000_000):000000}{i:0000}";
        return first + NationalId.CheckDigit(first);
    }

    private static void WritePeople(string path, string[] ids, int? wrongDigitRow, int? unknownSchoolRow)
    {
        var rows = ids.Select((id, i) => new Dictionary<string, object?>
        {
            ["เลขประจำตัวประชาชน"] = i == wrongDigitRow ? id[..12] + (char)('0' + (id[12] - '0' + 1) % 10) : id,
            ["คำนำหน้าชื่อ"] = "นางสาว",
            ["ชื่อ"] = $"ครูคนที่{i + 1}",
            ["นามสกุล"] = "นำเข้าเบราว์เซอร์",
            ["ตำแหน่ง"] = "ครู",
            ["วิทยฐานะ"] = "ชำนาญการ",
            ["วิชาเอก"] = "คณิตศาสตร์",
            ["กลุ่มสาระที่สอน"] = "คณิตศาสตร์; วิทยาศาสตร์",
            ["รหัสสถานศึกษา"] = i == unknownSchoolRow ? "9999999999" : School,
            ["วันที่เริ่มปฏิบัติงาน"] = "16/05/2560",
        }).ToList();
        using var stream = File.Create(path);
        stream.SaveAs(rows);
    }
}
